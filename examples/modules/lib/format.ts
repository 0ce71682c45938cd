type Cents = number;
export default function format(amount: Cents): string {
  return (amount / 100).toFixed(2) + ' EUR';
}
