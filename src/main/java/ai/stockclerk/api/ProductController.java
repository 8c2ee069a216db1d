package ai.stockclerk.api;

import ai.stockclerk.agents.sync.SyncTrigger;
import ai.stockclerk.api.security.Caller;
import ai.stockclerk.store.ChannelItemRecord;
import ai.stockclerk.store.ChannelItemStore;
import ai.stockclerk.store.Movement;
import ai.stockclerk.store.MovementKind;
import ai.stockclerk.store.Page;
import ai.stockclerk.store.PageRequest;
import ai.stockclerk.store.ProductChanges;
import ai.stockclerk.store.ProductRecord;
import ai.stockclerk.store.ProductStore;
import ai.stockclerk.store.StockChange;
import ai.stockclerk.store.StockLedger;
import ai.stockclerk.store.Tenancy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Products, and manual stock changes through the ledger. */
@RestController
@RequestMapping("/api/v1/products")
class ProductController {

  static final int MAX_STOCK = 1_000_000_000;

  private final ProductStore products;
  private final StockLedger ledger;
  private final ChannelItemStore items;
  private final Tenancy tenancy;
  private final SyncTrigger sync;

  ProductController(ProductStore products, StockLedger ledger, ChannelItemStore items, Tenancy tenancy,
      SyncTrigger sync) {
    this.products = products;
    this.ledger = ledger;
    this.items = items;
    this.tenancy = tenancy;
    this.sync = sync;
  }

  record CreateProduct(
      @NotBlank @Size(max = 100) @Pattern(regexp = "[^\\p{Cntrl}]+") String sku,
      @NotBlank @Size(max = 255) String name,
      @Size(max = 64) String barcode,
      @NotNull @Min(-MAX_STOCK) @Max(MAX_STOCK) Integer stock,
      @NotNull @Min(0) @Max(MAX_STOCK) Integer bufferStock,
      @Min(0) @Max(MAX_STOCK) Integer lowStockThreshold) {}

  record UpdateProduct(
      @Size(min = 1, max = 100) @Pattern(regexp = "[^\\p{Cntrl}]+") String sku,
      @Size(min = 1, max = 255) String name,
      @Size(max = 64) String barcode,
      @Min(0) @Max(MAX_STOCK) Integer bufferStock,
      @Min(0) @Max(MAX_STOCK) Integer lowStockThreshold) {}

  /** Exactly one of {@code delta} and {@code set}. */
  record StockRequest(
      @Min(-MAX_STOCK) @Max(MAX_STOCK) Integer delta,
      @Min(-MAX_STOCK) @Max(MAX_STOCK) Integer set,
      @Size(max = 500) String reason,
      @Pattern(regexp = "sale|return|restock|adjustment|order|correction") String kind) {}

  record ProductView(UUID id, String sku, String name, String barcode, int stock, int bufferStock,
      Integer lowStockThreshold, int effectiveLowStockThreshold, Instant createdAt, Instant updatedAt) {
    static ProductView of(ProductRecord p) {
      return new ProductView(p.id(), p.sku(), p.name(), p.barcode(), p.stock(), p.bufferStock(),
          p.lowStockThreshold(), p.effectiveLowStockThreshold(), p.createdAt(), p.updatedAt());
    }
  }

  record StockResponse(ProductView product, LedgerController.MovementView movement) {}

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  ProductView create(Caller caller, @Valid @RequestBody CreateProduct request) {
    return tenancy.inTenant(caller.tenantId(), () -> ProductView.of(products.create(request.sku().trim(),
        request.name().trim(), request.barcode(), request.stock(), request.bufferStock(),
        request.lowStockThreshold())));
  }

  @GetMapping
  Page<ProductView> list(Caller caller, @RequestParam(required = false) @Size(max = 255) String q,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "50") @Min(1) @Max(PageRequest.MAX_SIZE) int size) {
    return tenancy.inTenant(caller.tenantId(), () -> {
      Page<ProductRecord> found = products.list(q, new PageRequest(page, size));
      return new Page<>(found.items().stream().map(ProductView::of).toList(), found.page(), found.size(),
          found.total());
    });
  }

  @GetMapping("/{id}")
  ProductView get(Caller caller, @PathVariable UUID id) {
    return tenancy.inTenant(caller.tenantId(), () -> ProductView.of(products.get(id)));
  }

  @PatchMapping("/{id}")
  ProductView update(Caller caller, @PathVariable UUID id, @Valid @RequestBody UpdateProduct request) {
    return tenancy.inTenant(caller.tenantId(), () -> ProductView.of(products.update(id, new ProductChanges(
        request.sku(), request.name(), request.barcode(), request.bufferStock(), request.lowStockThreshold()))));
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(Caller caller, @PathVariable UUID id) {
    tenancy.runInTenant(caller.tenantId(), () -> products.delete(id));
  }

  @PostMapping("/{id}/stock")
  StockResponse changeStock(Caller caller, @PathVariable UUID id, @Valid @RequestBody StockRequest request) {
    if ((request.delta() == null) == (request.set() == null)) {
      throw new InvalidRequestException("give exactly one of 'delta' and 'set'");
    }
    MovementKind kind = request.kind() == null ? MovementKind.ADJUSTMENT
        : MovementKind.fromWireName(request.kind()).orElseThrow();
    String reason = request.reason() == null || request.reason().isBlank() ? "manual change" : request.reason();
    ManualChange change = tenancy.inTenant(caller.tenantId(), () -> {
      Movement movement = request.delta() != null
          ? ledger.apply(new StockChange(id, request.delta(), kind, null, null, reason))
          : ledger.set(id, request.set(), kind, reason);
      Set<UUID> channels = items.list(id, null).stream().map(ChannelItemRecord::channelId)
          .collect(Collectors.toSet());
      return new ManualChange(new StockResponse(ProductView.of(products.get(id)),
          LedgerController.MovementView.of(movement)), channels);
    });
    announce(caller.tenantId(), change);
    return change.response();
  }

  /** A committed manual change and the channels that now owe a push. */
  private record ManualChange(StockResponse response, Set<UUID> channels) {}

  /** After commit: the product's channels owe a push now, not at the next sweep. */
  private void announce(UUID tenant, ManualChange change) {
    if (change.response().movement().delta() != 0) {
      change.channels().forEach(channel -> sync.request(tenant, channel));
    }
  }
}
