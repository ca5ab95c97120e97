
      export type PossibleTypesResultData = {
  "possibleTypes": {
    "AdjustInventoryResult": [
      "InventoryAdjusted",
      "NotFoundError",
      "UnknownOutcomeError",
      "ValidationError"
    ],
    "CatalogProductCustomFieldOverrides": [
      "CatalogProductCustomFieldOverridesForChannelLocale"
    ],
    "CatalogProductImageOverrides": [
      "CatalogProductImagesOverridesForChannelLocale"
    ],
    "CreateOrderResult": [
      "OrderCreated",
      "OutOfStockError",
      "UnknownOutcomeError",
      "ValidationError"
    ],
    "Node": [
      "InventoryItem",
      "InventoryLevel",
      "Location",
      "Order",
      "OrderLine",
      "Product",
      "Variant"
    ],
    "UpdateInventorySettingsResult": [
      "InventorySettingsUpdated",
      "NotFoundError",
      "ValidationError"
    ],
    "UpdateOrderResult": [
      "NotFoundError",
      "OrderUpdated",
      "OutOfStockError",
      "UnknownOutcomeError",
      "ValidationError"
    ],
    "UserError": [
      "NotFoundError",
      "OutOfStockError",
      "UnknownOutcomeError",
      "ValidationError"
    ]
  }
};
      const result: PossibleTypesResultData = {
  "possibleTypes": {
    "AdjustInventoryResult": [
      "InventoryAdjusted",
      "NotFoundError",
      "UnknownOutcomeError",
      "ValidationError"
    ],
    "CatalogProductCustomFieldOverrides": [
      "CatalogProductCustomFieldOverridesForChannelLocale"
    ],
    "CatalogProductImageOverrides": [
      "CatalogProductImagesOverridesForChannelLocale"
    ],
    "CreateOrderResult": [
      "OrderCreated",
      "OutOfStockError",
      "UnknownOutcomeError",
      "ValidationError"
    ],
    "Node": [
      "InventoryItem",
      "InventoryLevel",
      "Location",
      "Order",
      "OrderLine",
      "Product",
      "Variant"
    ],
    "UpdateInventorySettingsResult": [
      "InventorySettingsUpdated",
      "NotFoundError",
      "ValidationError"
    ],
    "UpdateOrderResult": [
      "NotFoundError",
      "OrderUpdated",
      "OutOfStockError",
      "UnknownOutcomeError",
      "ValidationError"
    ],
    "UserError": [
      "NotFoundError",
      "OutOfStockError",
      "UnknownOutcomeError",
      "ValidationError"
    ]
  }
};
      export default result;
    