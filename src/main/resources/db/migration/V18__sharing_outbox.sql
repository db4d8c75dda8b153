-- The webhook outbox moves from signals to the sharing module and serves every module: a delivery is identified by
-- its own id (for an alert, still the alert id), no longer tied to the alert table. The tables keep their names so
-- that sealed secrets stay bound to the table and column they were sealed for.
ALTER TABLE signals_webhook_failure DROP CONSTRAINT IF EXISTS signals_webhook_failure_alert_id_fkey;
ALTER TABLE signals_webhook_failure RENAME COLUMN alert_id TO delivery_id;
CREATE INDEX signals_webhook_failure_delivery_idx ON signals_webhook_failure (delivery_id);

ALTER TABLE signals_webhook_delivery DROP CONSTRAINT IF EXISTS signals_webhook_delivery_alert_id_fkey;
ALTER TABLE signals_webhook_delivery RENAME COLUMN alert_id TO delivery_id;

-- Deliveries still outstanding from before the move are made by the outbox's listener after the upgrade.
UPDATE event_publication
SET listener_id = 'org.tipx.sharing.internal.WebhookDelivery.on(org.tipx.sharing.Deliverable)'
WHERE listener_id = 'org.tipx.signals.internal.WebhookDelivery.on(org.tipx.signals.AlertRaised)'
  AND completion_date IS NULL;

-- An admin who retries an abandoned delivery by hand clears its failed attempts: they stay listed, and the delivery
-- gets a fresh round of attempts.
ALTER TABLE signals_webhook_failure ADD COLUMN cleared_at TIMESTAMPTZ;
