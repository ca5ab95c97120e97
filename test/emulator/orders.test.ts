import { describe, expect, it } from 'vitest';
import { call, locationItem, startEmulator } from '../helpers/emulator.js';
import { specErrors } from '../helpers/openapi.js';

const ORDERS = 'orders.v2.oas2.yml';
const BILLING = {
  first_name: 'Ada',
  last_name: 'Lovelace',
  street_1: '1 Loop',
  city: 'Austin',
  state: 'Texas',
  zip: '78701',
  country: 'United States',
  country_iso2: 'US',
  email: 'ada@example.com',
};

interface OrderLine {
  id: number;
  variant_id: number;
  quantity: number;
  quantity_backordered?: number;
}

describe('POST /v2/orders', () => {
  it('answers the guide 409 body, byte for byte in shape, and changes nothing', async () => {
    const emulator = await startEmulator();
    const before = await locationItem(emulator, 1, 74);
    const response = await call(emulator, 'POST', '/v2/orders', {
      body: { billing_address: BILLING, products: [{ product_id: 112, variant_id: 74, quantity: 56 }] },
    });
    expect(response.status).toBe(409);
    expect(response.body).toEqual([
      {
        status: 409,
        message: 'Quantities of one or more products are out of stock or did not meet quantity requirements.',
        details: {
          errors: [
            {
              type: 'OutOfStock',
              message:
                'Insufficient stock of variant(id: 74), available stock: 10, available quantity for backorder: 45. order(id: ), channel(id: 1), location(id: 1).',
              variant_id: 74,
              location_id: 1,
              available_quantity: 10,
              available_quantity_for_backorder: 45,
            },
          ],
        },
      },
    ]);
    expect(await locationItem(emulator, 1, 74)).toEqual(before);
    expect((await call(emulator, 'GET', '/v2/orders?min_id=101')).status).toBe(204);
  });

  it('takes stock first, then backorders, and stores quantity_backordered on the line', async () => {
    const emulator = await startEmulator();
    const response = await call(emulator, 'POST', '/v2/orders', {
      body: { billing_address: BILLING, products: [{ product_id: 112, variant_id: 74, quantity: 55 }] },
    });
    expect(response.status).toBe(200);
    expect(specErrors(ORDERS, '/orders/{order_id}', 'GET', 200, response.body)).toEqual([]);
    const order = response.body as {
      id: number;
      items_total: number;
      status_id: number;
      products: { resource: string };
    };
    expect(order).toMatchObject({
      items_total: 55,
      status_id: 1,
      products: { resource: `/orders/${order.id}/products` },
    });
    expect(await locationItem(emulator, 1, 74)).toMatchObject({
      total_inventory_onhand: 2,
      available_to_sell: 0,
      qty_backordered: 50,
    });
    const lines = await call(emulator, 'GET', `/v2/orders/${order.id}/products`);
    expect(lines.status).toBe(200);
    expect(specErrors(ORDERS, '/orders/{order_id}/products', 'GET', 200, lines.body)).toEqual([]);
    expect(
      (lines.body as OrderLine[]).map((line) => [line.variant_id, line.quantity, line.quantity_backordered]),
    ).toEqual([[74, 55, 45]]);
  });

  it('omits quantity_backordered on orders without backordered units', async () => {
    const emulator = await startEmulator();
    const order = (
      await call(emulator, 'POST', '/v2/orders', {
        body: { billing_address: BILLING, products: [{ product_id: 130, variant_id: 78, quantity: 3 }] },
      })
    ).body as { id: number };
    const lines = (await call(emulator, 'GET', `/v2/orders/${order.id}/products`)).body as OrderLine[];
    expect(lines[0]).not.toHaveProperty('quantity_backordered');
  });

  it('checks every line first: one failing line rejects the whole order with one entry per variant', async () => {
    const emulator = await startEmulator();
    const response = await call(emulator, 'POST', '/v2/orders', {
      body: {
        billing_address: BILLING,
        products: [
          { product_id: 130, variant_id: 78, quantity: 5 },
          { product_id: 77, variant_id: 1, quantity: 1 },
          // Variant 75 has 3 on hand and 9 more for backorder: the first line fits, the second sees what is left.
          { product_id: 112, variant_id: 75, quantity: 10 },
          { product_id: 112, variant_id: 75, quantity: 10 },
        ],
      },
    });
    expect(response.status).toBe(409);
    const errors = (
      response.body as {
        details: {
          errors: {
            variant_id: number;
            available_quantity: number;
            available_quantity_for_backorder: number;
          }[];
        };
      }[]
    )[0]?.details.errors;
    expect(
      errors?.map((error) => [
        error.variant_id,
        error.available_quantity,
        error.available_quantity_for_backorder,
      ]),
    ).toEqual([
      [1, 0, 0],
      [75, 0, 2],
    ]);
    expect((await locationItem(emulator, 1, 78)).total_inventory_onhand).toBe(12);
    expect((await locationItem(emulator, 1, 75)).qty_backordered).toBe(6);
  });

  it('honours a client split and refuses one that does not fit', async () => {
    const emulator = await startEmulator();
    const fits = await call(emulator, 'POST', '/v2/orders', {
      body: {
        billing_address: BILLING,
        products: [{ product_id: 130, variant_id: 78, quantity: 10, quantity_backordered: 4 }],
      },
    });
    expect(fits.status).toBe(200);
    expect(await locationItem(emulator, 1, 78)).toMatchObject({
      total_inventory_onhand: 6,
      qty_backordered: 4,
    });
    const tooMuchStock = await call(emulator, 'POST', '/v2/orders', {
      body: {
        billing_address: BILLING,
        products: [{ product_id: 130, variant_id: 78, quantity: 10, quantity_backordered: 0 }],
      },
    });
    expect(tooMuchStock.status).toBe(409);
    const overQuantity = await call(emulator, 'POST', '/v2/orders', {
      body: {
        billing_address: BILLING,
        products: [{ product_id: 130, variant_id: 78, quantity: 2, quantity_backordered: 3 }],
      },
    });
    expect(overQuantity.status).toBe(422);
    expect((overQuantity.body as { message: string }[])[0]?.message).toContain(
      'quantity_backordered (3) must not exceed quantity (2)',
    );
  });

  it('sells unlimited backorders, product-level items, untracked products and custom lines', async () => {
    const emulator = await startEmulator({ defaultLocationId: 3 });
    const response = await call(emulator, 'POST', '/v2/orders', {
      body: {
        billing_address: BILLING,
        products: [
          { product_id: 80, variant_id: 4, quantity: 500 },
          { product_id: 140, quantity: 3 },
          { name: 'Engraving', quantity: 1, price_inc_tax: 5, price_ex_tax: 5 },
        ],
      },
    });
    expect(response.status).toBe(200);
    expect(await locationItem(emulator, 3, 4)).toMatchObject({ qty_backordered: 508 });
    const lamp = await call(emulator, 'POST', '/v2/orders', {
      body: { billing_address: BILLING, products: [{ product_id: 150, quantity: 1 }] },
    });
    expect(lamp.status).toBe(409);
  });

  it.each([
    ['no products', { billing_address: BILLING }, 400],
    ['no billing address', { products: [{ product_id: 130, variant_id: 78, quantity: 1 }] }, 400],
    [
      'a short zip',
      { billing_address: { zip: '1' }, products: [{ product_id: 130, variant_id: 78, quantity: 1 }] },
      422,
    ],
    ['an unknown product', { billing_address: BILLING, products: [{ product_id: 9999, quantity: 1 }] }, 422],
    [
      'a variant of another product',
      { billing_address: BILLING, products: [{ product_id: 130, variant_id: 74, quantity: 1 }] },
      422,
    ],
    [
      'no variant for a product with variants',
      { billing_address: BILLING, products: [{ product_id: 130, quantity: 1 }] },
      422,
    ],
    [
      'a zero quantity',
      { billing_address: BILLING, products: [{ product_id: 130, variant_id: 78, quantity: 0 }] },
      422,
    ],
    [
      'a negative backorder split',
      {
        billing_address: BILLING,
        products: [{ product_id: 130, variant_id: 78, quantity: 1, quantity_backordered: -1 }],
      },
      422,
    ],
    [
      'an unknown status',
      {
        billing_address: BILLING,
        status_id: 99,
        products: [{ product_id: 130, variant_id: 78, quantity: 1 }],
      },
      422,
    ],
  ])('refuses %s in V2 error style', async (_name, body, status) => {
    const emulator = await startEmulator();
    const response = await call(emulator, 'POST', '/v2/orders', { body });
    expect(response.status).toBe(status);
    expect(response.body).toEqual([
      expect.objectContaining({ status, message: expect.any(String) as string }),
    ]);
    expect((await locationItem(emulator, 1, 78)).total_inventory_onhand).toBe(12);
  });
});

describe('PUT /v2/orders/{id}', () => {
  it('answers the guide example (quantity_backordered above quantity) with 422 and changes nothing', async () => {
    const emulator = await startEmulator();
    const response = await call(emulator, 'PUT', '/v2/orders/100', {
      body: { products: [{ id: 8, quantity: 50, quantity_backordered: 100 }] },
    });
    expect(response.status).toBe(422);
    expect((response.body as { message: string }[])[0]?.message).toContain('products.0.quantity_backordered');
    const lines = (await call(emulator, 'GET', '/v2/orders/100/products')).body as OrderLine[];
    expect(lines).toEqual([expect.objectContaining({ id: 8, quantity: 5, quantity_backordered: 5 })]);
  });

  it('allocates an increase like a create and releases backorders first on a decrease', async () => {
    const emulator = await startEmulator();
    const up = await call(emulator, 'PUT', '/v2/orders/100', {
      body: { products: [{ id: 8, quantity: 20 }] },
    });
    expect(up.status).toBe(200);
    expect(specErrors(ORDERS, '/orders/{order_id}', 'GET', 200, up.body)).toEqual([]);
    expect(await locationItem(emulator, 1, 74)).toMatchObject({
      total_inventory_onhand: 2,
      qty_backordered: 10,
    });
    expect(((await call(emulator, 'GET', '/v2/orders/100/products')).body as OrderLine[])[0]).toMatchObject({
      quantity: 20,
      quantity_backordered: 10,
    });
    const down = await call(emulator, 'PUT', '/v2/orders/100', {
      body: { products: [{ id: 8, quantity: 4 }] },
    });
    expect(down.status).toBe(200);
    expect(await locationItem(emulator, 1, 74)).toMatchObject({
      total_inventory_onhand: 8,
      qty_backordered: 0,
    });
    const removed = await call(emulator, 'PUT', '/v2/orders/100', {
      body: { products: [{ id: 8, quantity: 0 }] },
    });
    expect(removed.status).toBe(200);
    expect(await locationItem(emulator, 1, 74)).toMatchObject({
      total_inventory_onhand: 12,
      qty_backordered: 0,
    });
    expect((await call(emulator, 'GET', '/v2/orders/100/products')).status).toBe(204);
  });

  it('applies a new client split on an existing line and refuses one beyond the allowance', async () => {
    const emulator = await startEmulator();
    const resplit = await call(emulator, 'PUT', '/v2/orders/100', {
      body: { products: [{ id: 8, quantity: 7, quantity_backordered: 0 }] },
    });
    expect(resplit.status).toBe(200);
    expect(await locationItem(emulator, 1, 74)).toMatchObject({
      total_inventory_onhand: 5,
      qty_backordered: 0,
    });
    const beyond = await call(emulator, 'PUT', '/v2/orders/100', {
      body: { products: [{ id: 8, quantity: 100 }] },
    });
    expect(beyond.status).toBe(409);
    expect(
      (beyond.body as { details: { errors: { message: string }[] } }[])[0]?.details.errors[0]?.message,
    ).toContain('order(id: 100)');
  });

  it('adds new lines, changes status without moving stock, and refuses unknown lines and orders', async () => {
    const emulator = await startEmulator();
    const added = await call(emulator, 'PUT', '/v2/orders/100', {
      body: { status_id: 2, products: [{ product_id: 130, variant_id: 78, quantity: 2 }] },
    });
    expect(added.status).toBe(200);
    expect(added.body).toMatchObject({ status_id: 2, status: 'Shipped', items_total: 7 });
    expect((await locationItem(emulator, 1, 78)).total_inventory_onhand).toBe(10);
    expect(
      (await call(emulator, 'PUT', '/v2/orders/100', { body: { products: [{ id: 12345, quantity: 1 }] } }))
        .status,
    ).toBe(422);
    const missing = await call(emulator, 'PUT', '/v2/orders/999', { body: { status_id: 2 } });
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual([{ status: 404, message: 'The requested resource was not found.' }]);
  });
});

describe('GET /v2/orders', () => {
  it('lists orders, filters them, and answers 204 with no body when nothing matches', async () => {
    const emulator = await startEmulator();
    await call(emulator, 'POST', '/v2/orders', {
      body: {
        billing_address: BILLING,
        customer_id: 7,
        products: [{ product_id: 130, variant_id: 78, quantity: 1 }],
      },
    });
    const all = await call(emulator, 'GET', '/v2/orders');
    expect((all.body as { id: number }[]).map((order) => order.id)).toEqual([100, 101]);
    const mine = await call(emulator, 'GET', '/v2/orders?customer_id=7');
    expect((mine.body as { id: number }[]).map((order) => order.id)).toEqual([101]);
    const none = await call(emulator, 'GET', '/v2/orders?status_id=5');
    expect(none.status).toBe(204);
    expect(none.body).toBeUndefined();
    expect((await call(emulator, 'GET', '/v2/orders?limit=251')).status).toBe(413);
  });
});

describe('consignments', () => {
  interface Consignments {
    pickups: unknown[];
    shipping: { id: number; zip: string; items_total: number; line_items: Record<string, unknown>[] }[];
    downloads: unknown[];
    email: { gift_certificates: unknown[] };
  }

  it('answers POST /v2/orders with products as a link, and the lines inline with consignments.line_items', async () => {
    const emulator = await startEmulator();
    const order = {
      billing_address: BILLING,
      products: [
        { product_id: 112, variant_id: 74, quantity: 12 },
        { product_id: 130, variant_id: 78, quantity: 1 },
      ],
    };
    const plain = await call(emulator, 'POST', '/v2/orders', { body: order });
    expect(plain.body).not.toHaveProperty('consignments');
    expect((plain.body as { products: unknown }).products).toEqual({
      url: `https://api.bigcommerce.com/stores/abc123/v2/orders/101/products`,
      resource: '/orders/101/products',
    });
    const inline = await call(
      emulator,
      'POST',
      '/v2/orders?include=consignments.line_items&consignment_structure=object',
      { body: order },
    );
    expect(inline.status).toBe(200);
    expect(specErrors(ORDERS, '/orders', 'POST', 200, inline.body)).toEqual([]);
    const created = inline.body as { id: number; consignments: Consignments };
    expect(created.consignments).toMatchObject({
      pickups: [],
      downloads: [],
      email: { gift_certificates: [] },
    });
    const [shipping] = created.consignments.shipping;
    expect(shipping).toMatchObject({ id: created.id, zip: '78701', items_total: 13 });
    // The first order took variant 74's 10 sellable units, so this one backorders all 12.
    expect(shipping?.line_items.map((line) => [line['variant_id'], line['quantity_backordered']])).toEqual([
      [74, 12],
      [78, 0],
    ]);
  });

  it('links the lines with include=consignments, answers the legacy array without consignment_structure', async () => {
    const emulator = await startEmulator();
    const linked = await call(
      emulator,
      'GET',
      '/v2/orders/100?include=consignments&consignment_structure=object',
    );
    expect(specErrors(ORDERS, '/orders/{order_id}', 'GET', 200, linked.body)).toEqual([]);
    expect((linked.body as { consignments: Consignments }).consignments.shipping[0]?.line_items).toEqual([
      {
        url: 'https://api.bigcommerce.com/stores/abc123/v2/orders/100/products/8',
        resource: '/orders/100/products/8',
      },
    ]);
    const line = await call(emulator, 'GET', '/v2/orders/100/products/8');
    expect(specErrors(ORDERS, '/orders/{order_id}/products/{product_id}', 'GET', 200, line.body)).toEqual([]);
    expect(line.body).toMatchObject({ id: 8, quantity: 5, quantity_backordered: 5 });
    expect((await call(emulator, 'GET', '/v2/orders/100/products/9')).status).toBe(404);

    const legacy = await call(emulator, 'GET', '/v2/orders?include=consignments');
    const [first] = legacy.body as { consignments: Consignments[] }[];
    expect(Array.isArray(first?.consignments)).toBe(true);
    expect(first?.consignments[0]?.shipping[0]?.id).toBe(100);

    const own = await call(emulator, 'GET', '/v2/orders/100/consignments?include=consignments.line_items');
    expect(specErrors(ORDERS, '/orders/{order_id}/consignments', 'GET', 200, own.body)).toEqual([]);
    expect((own.body as Consignments).shipping[0]?.line_items[0]).toMatchObject({
      id: 8,
      quantity_backordered: 5,
    });
    expect((await call(emulator, 'GET', '/v2/orders/999/consignments')).status).toBe(404);
  });

  it('refuses an unknown include or consignment_structure with 400', async () => {
    const emulator = await startEmulator();
    const unknown = await call(emulator, 'GET', '/v2/orders/100?include=coupons');
    expect(unknown.status).toBe(400);
    expect(unknown.body).toEqual([
      {
        status: 400,
        message: 'include must be one or more of consignments, consignments.line_items, fees; got coupons',
      },
    ]);
    expect((await call(emulator, 'GET', '/v2/orders?consignment_structure=array')).status).toBe(400);
    const fees = await call(emulator, 'GET', '/v2/orders/100?include=fees');
    expect(specErrors(ORDERS, '/orders/{order_id}', 'GET', 200, fees.body)).toEqual([]);
    expect(fees.body).toMatchObject({ fees: [] });
  });
});

describe('order statuses and counts', () => {
  it('lists the 15 order statuses as the spec documents them', async () => {
    const emulator = await startEmulator();
    const response = await call(emulator, 'GET', '/v2/order_statuses');
    expect(response.status).toBe(200);
    expect(specErrors(ORDERS, '/order_statuses', 'GET', 200, response.body)).toEqual([]);
    const statuses = response.body as { id: number; name: string; order: number }[];
    expect(statuses.map((status) => status.id).sort((a, b) => a - b)).toEqual([...Array(15).keys()]);
    expect(statuses.find((status) => status.id === 11)).toMatchObject({
      name: 'Awaiting Fulfillment',
      system_label: 'Awaiting Fulfillment',
      order: 3,
    });
  });

  it('counts orders per status with the list filters', async () => {
    const emulator = await startEmulator();
    await call(emulator, 'POST', '/v2/orders', {
      body: {
        billing_address: BILLING,
        customer_id: 7,
        products: [{ product_id: 130, variant_id: 78, quantity: 1 }],
      },
    });
    const all = await call(emulator, 'GET', '/v2/orders/count');
    expect(all.status).toBe(200);
    expect(specErrors(ORDERS, '/orders/count', 'GET', 200, all.body)).toEqual([]);
    const body = all.body as { count: number; statuses: { id: number; count: number; sort_order: number }[] };
    expect(body.count).toBe(2);
    expect(body.statuses).toHaveLength(15);
    expect(
      body.statuses.filter((status) => status.count > 0).map((status) => [status.id, status.count]),
    ).toEqual([
      [1, 1],
      [11, 1],
    ]);
    expect((await call(emulator, 'GET', '/v2/orders/count?customer_id=7')).body).toMatchObject({ count: 1 });
    expect((await call(emulator, 'GET', '/v2/orders/count?customer_id=x')).status).toBe(400);
  });
});

describe('concurrent orders', () => {
  it('300 simultaneous orders use up exactly stock plus allowance, no more', async () => {
    // Variant 78 at location 1: 12 on hand, safety stock 2 (10 sellable), backorder limit 33.
    const emulator = await startEmulator();
    const responses = await Promise.all(
      Array.from({ length: 300 }, () =>
        call(emulator, 'POST', '/v2/orders', {
          body: { billing_address: BILLING, products: [{ product_id: 130, variant_id: 78, quantity: 1 }] },
        }),
      ),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(43);
    expect(statuses.filter((status) => status === 409)).toHaveLength(257);
    expect(await locationItem(emulator, 1, 78)).toMatchObject({
      total_inventory_onhand: 2,
      available_to_sell: 0,
      qty_backordered: 33,
    });
    const lines = await Promise.all(
      responses
        .filter((response) => response.status === 200)
        .map(
          async (response) =>
            (
              (await call(emulator, 'GET', `/v2/orders/${(response.body as { id: number }).id}/products`))
                .body as OrderLine[]
            )[0],
        ),
    );
    expect(lines.filter((line) => line?.quantity_backordered === 1)).toHaveLength(33);
  });
});
