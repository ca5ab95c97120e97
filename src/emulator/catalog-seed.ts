import type { StoreDatabase } from './db.js';

/**
 * Catalog data for the Admin GraphQL shapes of BigCommerce's "International Enhancements for Multi-Storefront"
 * guides: basic information, images, custom fields, SEO information, URL path, variant options and channel-locale
 * overrides. Every seeded product gets all of them; the data is a pure function of the product, so every seed of
 * the same spec holds the same catalog.
 *
 * Ids: a product's variant option has the product's id (`bc/store/productOption/{productId}`), each option value
 * the id of the variant it names (`bc/store/productOptionValue/{variantId}`), images and custom fields
 * `{productId}{k}` (`productId * 10 + k`).
 */

/** The product facts the catalog data is derived from. */
export interface CatalogProductInput {
  readonly id: number;
  readonly name: string;
  readonly variantIds: readonly number[];
}

/** The channel and locale the seeded overrides are for (the guides' own example context). */
export const OVERRIDE_CONTEXT = { channelId: 2, locale: 'fr' } as const;

interface DemoCatalog {
  readonly description: string;
  readonly option: { readonly name: string; readonly labels: readonly string[] };
  readonly customFields: readonly (readonly [string, string])[];
  readonly images: number;
  /** Channel 2 / `fr` overrides; absent members inherit the global value. */
  readonly fr?: {
    readonly name?: string;
    readonly description?: string;
    readonly pageTitle?: string;
    readonly metaDescription?: string;
    readonly path?: string;
    readonly optionName?: string;
    /** Labels for the first option values, in order. */
    readonly labels?: readonly string[];
    readonly imageAlt?: string;
    readonly customField?: readonly [string, string];
  };
}

/** Hand-written data for the demo store's products (ids from seed.ts). */
const DEMO_CATALOG: ReadonlyMap<number, DemoCatalog> = new Map<number, DemoCatalog>([
  [
    77,
    {
      description: '<p>An electric typewriter with an interchangeable <strong>typeball</strong>.</p>',
      option: { name: 'Colour', labels: ['Blue', 'Red', 'Cream'] },
      customFields: [
        ['Voltage', '110 V'],
        ['Warranty', '2 years'],
      ],
      images: 3,
      fr: {
        name: 'Machine à écrire Selectric',
        description: '<p>Une machine à écrire électrique à <strong>boule</strong> interchangeable.</p>',
        optionName: 'Couleur',
        labels: ['Bleu', 'Rouge', 'Crème'],
      },
    },
  ],
  [
    80,
    {
      description: '<p>A heavy cotton canvas tote.</p>',
      option: { name: 'Colour', labels: ['Natural', 'Black'] },
      customFields: [['Material', 'Cotton canvas']],
      images: 2,
    },
  ],
  [
    111,
    {
      description: '<p>A glazed ceramic mug, <em>dishwasher safe</em>.</p>',
      option: { name: 'Glaze', labels: ['White'] },
      customFields: [
        ['Capacity', '350 ml'],
        ['Dishwasher safe', 'Yes'],
      ],
      images: 2,
      fr: {
        name: 'Tasse en céramique',
        description: '<p>Une tasse en céramique émaillée, <em>lavable au lave-vaisselle</em>.</p>',
        pageTitle: 'Tasse en céramique | Boutique',
        metaDescription: 'Tasse en céramique émaillée.',
        path: '/fr/tasse-en-ceramique/',
        optionName: 'Émail',
        labels: ['Blanc'],
        imageAlt: 'Tasse en céramique, vue de face',
        customField: ['Contenance', '350 ml'],
      },
    },
  ],
  [
    112,
    {
      description: '<p>A stoneware mug in two sizes.</p>',
      option: { name: 'Size', labels: ['12 oz', '16 oz'] },
      customFields: [['Capacity', '12 or 16 oz']],
      images: 1,
      fr: {
        pageTitle: 'Tasse en grès | Boutique',
        metaDescription: 'Tasse en grès, deux tailles.',
        path: '/fr/tasse-en-gres/',
      },
    },
  ],
  [
    130,
    {
      description: '<p>Wireless earbuds with a charging case.</p>',
      option: { name: 'Colour', labels: ['Black', 'White'] },
      customFields: [
        ['Battery life', '6 hours'],
        ['Bluetooth', '5.3'],
      ],
      images: 3,
    },
  ],
  [
    140,
    {
      description: '<p>Recycled kraft gift wrap.</p>',
      option: { name: 'Pattern', labels: ['Kraft'] },
      customFields: [['Length', '3 m']],
      images: 1,
    },
  ],
  [
    150,
    {
      description: '<p>An adjustable desk lamp with a brass finish.</p>',
      option: { name: 'Finish', labels: ['Brass'] },
      customFields: [['Bulb', 'E27, not included']],
      images: 2,
      fr: { name: 'Lampe de bureau', optionName: 'Finition', labels: ['Laiton'] },
    },
  ],
]);

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Generated data for products the demo table does not list (the bench's large seed). */
function generatedCatalog(product: CatalogProductInput): DemoCatalog {
  const n = product.id;
  return {
    description: `<p>${product.name}: a generated product for benchmarks.</p>`,
    option: { name: 'Size', labels: product.variantIds.map((_, index) => `Size ${index + 1}`) },
    customFields:
      n % 2 === 0
        ? [['Batch', `B-${n}`]]
        : [
            ['Batch', `B-${n}`],
            ['Origin', 'Generated'],
          ],
    images: 1 + (n % 3),
    ...(n % 10 === 0
      ? {
          fr: {
            name: `Produit de test ${n}`,
            pageTitle: `Produit de test ${n}`,
            labels: product.variantIds.map((_, index) => `Taille ${index + 1}`),
          },
        }
      : {}),
  };
}

/** Inserts the catalog rows of one product; must run inside the seeding transaction. */
export function seedCatalogProduct(store: StoreDatabase, product: CatalogProductInput): void {
  const data = DEMO_CATALOG.get(product.id) ?? generatedCatalog(product);
  const run = (sql: string, ...params: unknown[]) => store.prepare(sql).run(...params);
  const urlPath = `/${slug(product.name)}/`;
  run(
    `INSERT INTO catalog_products (product_id, name, description, page_title, meta_description, url_path)
     VALUES (?, ?, ?, ?, ?, ?)`,
    product.id,
    product.name,
    data.description,
    product.name,
    `Buy ${product.name} online.`,
    urlPath,
  );
  for (let k = 1; k <= data.images; k += 1) {
    run(
      `INSERT INTO catalog_images (id, product_id, alt_text, is_thumbnail, sort_order, file_name)
       VALUES (?, ?, ?, ?, ?, ?)`,
      product.id * 10 + k,
      product.id,
      `${product.name}, view ${k}`,
      k === 1 ? 1 : 0,
      k - 1,
      `${slug(product.name)}-${k}`,
    );
  }
  data.customFields.forEach(([name, value], index) => {
    run(
      'INSERT INTO catalog_custom_fields (id, product_id, name, value) VALUES (?, ?, ?, ?)',
      product.id * 10 + index + 1,
      product.id,
      name,
      value,
    );
  });
  run(
    'INSERT INTO catalog_options (id, product_id, display_name, is_shared) VALUES (?, ?, ?, 0)',
    product.id,
    product.id,
    data.option.name,
  );
  product.variantIds.forEach((variantId, index) => {
    run(
      `INSERT INTO catalog_option_values (id, option_id, variant_id, label, is_default, sort_order)
       VALUES (?, ?, ?, ?, ?, ?)`,
      variantId,
      product.id,
      variantId,
      data.option.labels[index] ?? `Value ${index + 1}`,
      index === 0 ? 1 : 0,
      index,
    );
  });

  const fr = data.fr;
  if (fr === undefined) return;
  const { channelId, locale } = OVERRIDE_CONTEXT;
  run(
    `INSERT INTO catalog_overrides (product_id, channel_id, locale, name, description, page_title,
       meta_description, url_path) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    product.id,
    channelId,
    locale,
    fr.name ?? null,
    fr.description ?? null,
    fr.pageTitle ?? null,
    fr.metaDescription ?? null,
    fr.path ?? null,
  );
  if (fr.optionName !== undefined) {
    run(
      'INSERT INTO catalog_option_overrides (option_id, channel_id, locale, display_name) VALUES (?, ?, ?, ?)',
      product.id,
      channelId,
      locale,
      fr.optionName,
    );
  }
  fr.labels?.forEach((label, index) => {
    const variantId = product.variantIds[index];
    if (variantId === undefined) return;
    run(
      'INSERT INTO catalog_option_value_overrides (value_id, channel_id, locale, label) VALUES (?, ?, ?, ?)',
      variantId,
      channelId,
      locale,
      label,
    );
  });
  if (fr.imageAlt !== undefined) {
    run(
      `INSERT INTO catalog_image_overrides (image_id, channel_id, locale, alt_text, is_thumbnail, sort_order,
         added_to_product) VALUES (?, ?, ?, ?, 1, 0, 1)`,
      product.id * 10 + 1,
      channelId,
      locale,
      fr.imageAlt,
    );
  }
  if (fr.customField !== undefined) {
    run(
      `INSERT INTO catalog_custom_field_overrides (custom_field_id, channel_id, locale, name, value, is_visible)
       VALUES (?, ?, ?, ?, ?, 1)`,
      product.id * 10 + 1,
      channelId,
      locale,
      fr.customField[0],
      fr.customField[1],
    );
  }
}
