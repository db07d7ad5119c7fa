// The worker test's module as JavaScript, as mimgen's compiled modules are: the worker imports it as it is.
export function verdubbel(invoer) {
  return new Map([...invoer.kaart].map(([k, v]) => [k, v * 2]).concat(invoer.getallen.map((n, i) => [`n${i}`, n * 2])));
}
