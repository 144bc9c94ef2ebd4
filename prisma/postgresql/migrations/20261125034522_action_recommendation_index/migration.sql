-- CreateIndex
CREATE INDEX "Action_recommendationId_idx" ON "Action"("recommendationId");

