export const message = 'loaded later';
