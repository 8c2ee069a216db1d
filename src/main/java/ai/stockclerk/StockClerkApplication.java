package ai.stockclerk;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The service: REST API, webhook ingest and the agents, in one Spring context. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class StockClerkApplication {}
