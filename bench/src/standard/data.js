// The standard federation benchmark's data set (accounts, inventory, products, reviews), written for this bench.
// Small and fixed, so subgraphs answer from memory and every gateway must return the same JSON.

/** Rotation period of the `offset` argument: every offset is equivalent to `offset % ROTATION`. */
export const ROTATION = 72; // lcm(8 users, 9 products)

export const users = Array.from({ length: 8 }, (_, i) => ({
  id: String(i + 1),
  name: `User ${i + 1}`,
  username: `user${i + 1}`,
  birthday: 1980 + i,
}));

export const products = Array.from({ length: 9 }, (_, i) => ({
  upc: String(i + 1),
  name: `Product ${i + 1}`,
  price: 300 + 250 * i,
  weight: 20 + 15 * i,
}));

const lorem =
  'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore.';

// Two reviews per user, spread over the products so that every product has one to three reviews.
export const reviews = users.flatMap((user, i) =>
  [0, 1].map((k) => ({
    id: String(2 * i + k + 1),
    body: `${lorem} (${2 * i + k + 1})`,
    authorId: user.id,
    upc: products[(2 * i + 3 * k) % products.length].upc,
  })),
);

export const userById = new Map(users.map((u) => [u.id, u]));
export const productByUpc = new Map(products.map((p) => [p.upc, p]));

/** Inventory's view of a product. */
export function inStock(upc) {
  return Number(upc) % 3 !== 0;
}

/** The `@requires(fields: "price weight")` field: free shipping above 1000, else half the weight. */
export function shippingEstimate(price, weight) {
  return price > 1000 ? 0 : Math.ceil(weight * 0.5);
}

/** `list` rotated left by `offset` (0 keeps the order). */
export function rotate(list, offset = 0) {
  const k = ((offset % list.length) + list.length) % list.length;
  return k === 0 ? list : [...list.slice(k), ...list.slice(0, k)];
}

export function topProducts(first = 5, offset = 0) {
  return rotate(products, offset).slice(0, Math.max(0, first));
}
