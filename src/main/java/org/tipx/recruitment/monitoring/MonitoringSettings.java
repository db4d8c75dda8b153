package org.tipx.recruitment.monitoring;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How job-posting sources are polled.
 *
 * @param csvRoot        the installation's CSV drop folder; each CSV source reads one sub-folder of it and nothing
 *                       outside (TIPX_MONITORING_CSV_ROOT; default {@code TIPX_DATA_DIR/recruitment-feeds})
 * @param allowInsecure  accept plain http and loopback or private-network feed addresses (local testing only;
 *                       TIPX_MONITORING_ALLOW_INSECURE); off, feeds follow the webhooks' address rule
 * @param connectTimeout how long connecting to a feed may take
 * @param readTimeout    how long a feed may keep tipx waiting for its answer, and between two reads of it
 * @param maxBody        the largest feed body read; a larger one is refused and recorded on its source
 * @param maxPostings    the most new postings taken from one poll (the rest wait for the next)
 * @param tick           how often due sources are looked for
 */
@ConfigurationProperties("tipx.monitoring")
public record MonitoringSettings(Path csvRoot, boolean allowInsecure, Duration connectTimeout, Duration readTimeout,
		long maxBody, int maxPostings, Duration tick) {

	public MonitoringSettings {
		csvRoot = csvRoot == null ? Path.of(System.getProperty("tipx.data-dir", "tipx-data"), "recruitment-feeds")
				: csvRoot;
		connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
		readTimeout = readTimeout == null ? Duration.ofSeconds(15) : readTimeout;
		maxBody = maxBody <= 0 ? 5L * 1024 * 1024 : maxBody;
		maxPostings = maxPostings <= 0 ? 500 : maxPostings;
		tick = tick == null ? Duration.ofSeconds(30) : tick;
	}
}
