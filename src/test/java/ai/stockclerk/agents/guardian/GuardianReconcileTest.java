package ai.stockclerk.agents.guardian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.stockclerk.testing.ApiCall;
import ai.stockclerk.testing.ServiceTest;
import ai.stockclerk.testing.TestApi;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Guardian against three simulated channels, through the API a person would use. */
class GuardianReconcileTest extends ServiceTest {

  private GuardianFixture shop;
  private UUID bread;

  @BeforeEach
  void connect() {
    shop = new GuardianFixture(new TestApi(http()), port, "Guardian bakery");
    bread = shop.product(1, 20, 5);
    shop.product(2, 8, 2);
    shop.awaitInStep(6);
  }

  @AfterEach
  void close() {
    shop.close();
  }

  @Test
  void smallDriftIsRepairedByPushingOurLevelOnEveryKindOfChannel() {
    shop.shop.manualEdit("1", 12);
    shop.till.manualEdit("sq-1", 22);
    shop.delivery.manualEdit("d-2", 0);

    ApiCall run = shop.reconcile(Map.of());

    assertThat(run.body().path("driftFound").asInt()).isEqualTo(3);
    assertThat(run.body().path("driftRepaired").asInt()).isEqualTo(3);
    assertThat(run.body().path("driftFlagged").asInt()).isZero();
    assertThat(run.body().path("itemsChecked").asInt()).isEqualTo(6);
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      assertThat(shop.shop.item("1").orElseThrow().level()).isEqualTo(15);
      assertThat(shop.till.item("sq-1").orElseThrow().level()).isEqualTo(20);
      assertThat(shop.delivery.item("d-2").orElseThrow().available()).isTrue();
    });
    assertThat(shop.stock(bread)).as("repair never moves central stock").isEqualTo(20);
  }

  @Test
  void largeDriftRaisesAnAlertWithBothLevelsAndIsNotOverwritten() {
    shop.shop.manualEdit("1", 40);

    ApiCall run = shop.reconcile(Map.of());

    assertThat(run.body().path("driftFlagged").asInt()).isEqualTo(1);
    assertThat(run.body().path("driftRepaired").asInt()).isZero();
    JsonNode alert = openDriftAlert();
    assertThat(alert.path("severity").asString()).isEqualTo("high");
    assertThat(alert.path("metadata").path("expected").asInt()).isEqualTo(15);
    assertThat(alert.path("metadata").path("actual").asInt()).isEqualTo(40);
    ApiCall again = shop.reconcile(Map.of());
    assertThat(again.body().path("driftFlagged").asInt()).as("still there, not pushed over").isEqualTo(1);
    assertThat(shop.shop.item("1").orElseThrow().level()).isEqualTo(40);
    assertThat(shop.stock(bread)).isEqualTo(20);
  }

  @Test
  void acceptingTheChannelsLevelCorrectsStockThroughTheLedgerAndEveryOtherChannelFollows() {
    shop.shop.manualEdit("1", 40);
    shop.reconcile(Map.of());

    ApiCall accepted = shop.api.post("/api/v1/sync/drift/" + shop.item("1") + "/accept-channel", shop.tenant.token(),
        null);

    TestApi.expect(accepted, 200);
    assertThat(accepted.body().path("stock").asInt()).isEqualTo(45);
    assertThat(accepted.body().path("alertResolved").asBoolean()).isTrue();
    assertThat(shop.stock(bread)).isEqualTo(45);
    JsonNode movement = shop.api.get("/api/v1/movements?productId=" + bread, shop.tenant.token()).body()
        .path("items").get(0);
    assertThat(movement.path("kind").asString()).isEqualTo("correction");
    assertThat(movement.path("delta").asInt()).isEqualTo(25);
    await().atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(shop.till.item("sq-1").orElseThrow().level()).isEqualTo(45));
    assertThat(shop.shop.item("1").orElseThrow().level()).isEqualTo(40);
    assertThat(openDriftAlerts()).isZero();
  }

  @Test
  void pushingOurLevelOverwritesTheChannelAndResolvesTheAlert() {
    shop.shop.manualEdit("1", 40);
    shop.reconcile(Map.of());

    ApiCall pushed = shop.api.post("/api/v1/sync/drift/" + shop.item("1") + "/push-ours", shop.tenant.token(), null);

    TestApi.expect(pushed, 200);
    assertThat(pushed.body().path("channelLevel").asInt()).isEqualTo(40);
    await().atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(shop.shop.item("1").orElseThrow().level()).isEqualTo(15));
    assertThat(shop.stock(bread)).isEqualTo(20);
    assertThat(openDriftAlerts()).isZero();
  }

  @Test
  void acceptingAnAvailabilityIsRefusedWithAConflict() {
    ApiCall refused = shop.api.post("/api/v1/sync/drift/" + shop.item("d-1") + "/accept-channel",
        shop.tenant.token(), null);

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.text("detail")).contains("availab");
  }

  @Test
  void itemsMissingOnTheChannelAndCatalogueItemsNoMappingKnowsAreReported() {
    shop.shop.createItem("777", "STRAY", 3);
    UUID ghost = shop.api.product(shop.tenant, "GHOST", 5, 0);
    shop.api.mapping(shop.tenant, ghost, shop.shopId, "404");

    ApiCall run = shop.reconcile(Map.of("channelId", shop.shopId.toString()));

    assertThat(run.body().path("missingItems").asInt()).isEqualTo(1);
    assertThat(run.body().path("unmatchedItems").asInt()).isEqualTo(1);
    JsonNode report = run.body().path("report").path("channels").get(0);
    assertThat(report.path("missing").get(0).asString()).isEqualTo("404");
    assertThat(report.path("unmatched").get(0).asString()).isEqualTo("777");
    await().atMost(Duration.ofSeconds(5)).until(() -> shop.api.get("/api/v1/alerts?type=unmapped_item&status=open",
        shop.tenant.token()).body().path("total").asInt() == 1);
  }

  @Test
  void aFailingChannelIsRecordedAndTheOtherChannelsAreStillChecked() {
    shop.till.unauthorized(true);
    shop.shop.manualEdit("2", 4);

    ApiCall run = shop.reconcile(Map.of());

    assertThat(run.body().path("status").asString()).isEqualTo("partial");
    assertThat(run.body().path("errors").asInt()).isEqualTo(1);
    assertThat(run.body().path("itemsChecked").asInt()).isEqualTo(4);
    assertThat(run.body().path("driftRepaired").asInt()).isEqualTo(1);
    JsonNode listed = shop.api.get("/api/v1/sync/reconcile/runs?size=1", shop.tenant.token()).body();
    assertThat(listed.path("items").get(0).path("id").asString()).isEqualTo(run.text("id"));
    shop.till.unauthorized(false);
  }

  @Test
  void aRunCanBeNarrowedToOneProductOrOneChannel() {
    ApiCall product = shop.reconcile(Map.of("productId", bread.toString()));
    ApiCall channel = shop.reconcile(Map.of("channelId", shop.deliveryId.toString()));

    assertThat(product.body().path("itemsChecked").asInt()).isEqualTo(3);
    assertThat(product.body().path("productId").asString()).isEqualTo(bread.toString());
    assertThat(channel.body().path("itemsChecked").asInt()).isEqualTo(2);
    assertThat(channel.body().path("channelsChecked").asInt()).isEqualTo(1);
    assertThat(shop.api.post("/api/v1/sync/reconcile", shop.tenant.token(),
        Map.of("productId", UUID.randomUUID().toString())).status()).isEqualTo(404);
  }

  private JsonNode openDriftAlert() {
    return shop.api.get("/api/v1/alerts?type=drift&status=open", shop.tenant.token()).body().path("items").get(0);
  }

  private int openDriftAlerts() {
    return shop.api.get("/api/v1/alerts?type=drift&status=open", shop.tenant.token()).body().path("total").asInt();
  }
}
