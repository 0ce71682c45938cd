export let total = 0;
export function add(item, price) {
  total += price;          // importers see the new value: a live binding
}
