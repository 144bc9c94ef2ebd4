-- CreateIndex
CREATE INDEX "OutboxMessage_purpose_notBefore_idx" ON "OutboxMessage"("purpose", "notBefore");

