-- CreateIndex
CREATE INDEX "Action_completedAt_idx" ON "Action"("completedAt");

