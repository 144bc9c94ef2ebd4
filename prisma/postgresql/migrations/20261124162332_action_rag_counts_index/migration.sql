-- CreateIndex
CREATE INDEX "Action_status_planId_reportedRag_dueDate_idx" ON "Action"("status", "planId", "reportedRag", "dueDate");

