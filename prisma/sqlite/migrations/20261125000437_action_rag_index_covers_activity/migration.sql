-- DropIndex
DROP INDEX "Action_status_planId_reportedRag_dueDate_idx";

-- CreateIndex
CREATE INDEX "Action_rag_idx" ON "Action"("status", "planId", "reportedRag", "dueDate", "lastUpdateAt", "createdAt");

