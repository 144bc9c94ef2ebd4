-- AlterTable
ALTER TABLE "OutboxMessage" ALTER COLUMN "activity" DROP NOT NULL;

-- CreateIndex
CREATE INDEX "ReminderLog_outboxId_idx" ON "ReminderLog"("outboxId");

