-- Plan order for list pages: walk each plan's actions by position and stop at the page's end.
CREATE INDEX "Action_planId_position_id_idx" ON "Action"("planId", "position", "id");
