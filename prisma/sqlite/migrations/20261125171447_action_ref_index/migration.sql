-- CreateIndex
CREATE INDEX "Action_ref_idx" ON "Action"("ref");

