-- AlterTable
ALTER TABLE "Update" ADD COLUMN "detail" TEXT;
ALTER TABLE "Update" ADD COLUMN "hash" TEXT;
ALTER TABLE "Update" ADD COLUMN "seq" INTEGER;

-- CreateTable
CREATE TABLE "Evidence" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "actionId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "url" TEXT,
    "fileName" TEXT,
    "contentType" TEXT,
    "size" INTEGER,
    "content" BLOB,
    "addedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Evidence_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Plan" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "key" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "sourceReport" TEXT,
    "issuer" TEXT,
    "reportDate" DATETIME,
    "ownerPostId" TEXT,
    "reminderPolicy" TEXT,
    "verifierPostId" TEXT,
    "riskAcceptorPostId" TEXT,
    "evidencePolicy" TEXT NOT NULL DEFAULT 'high',
    "sourceFile" TEXT,
    "archivedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Plan_ownerPostId_fkey" FOREIGN KEY ("ownerPostId") REFERENCES "Post" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Plan_verifierPostId_fkey" FOREIGN KEY ("verifierPostId") REFERENCES "Post" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Plan_riskAcceptorPostId_fkey" FOREIGN KEY ("riskAcceptorPostId") REFERENCES "Post" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Plan" ("createdAt", "id", "issuer", "key", "ownerPostId", "reminderPolicy", "reportDate", "sourceReport", "title", "updatedAt") SELECT "createdAt", "id", "issuer", "key", "ownerPostId", "reminderPolicy", "reportDate", "sourceReport", "title", "updatedAt" FROM "Plan";
DROP TABLE "Plan";
ALTER TABLE "new_Plan" RENAME TO "Plan";
CREATE UNIQUE INDEX "Plan_key_key" ON "Plan"("key");
CREATE TABLE "new_Action" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "planId" TEXT NOT NULL,
    "recommendationId" TEXT NOT NULL,
    "ref" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "dueDate" DATETIME,
    "dueText" TEXT,
    "duePrecision" TEXT NOT NULL DEFAULT 'none',
    "originalDueDate" DATETIME,
    "originalDueText" TEXT,
    "dueRevisions" INTEGER NOT NULL DEFAULT 0,
    "priority" TEXT,
    "status" TEXT NOT NULL DEFAULT 'open',
    "reportedRag" TEXT,
    "reportedRagAt" DATETIME,
    "completedAt" DATETIME,
    "completedById" TEXT,
    "verifiedAt" DATETIME,
    "verifiedById" TEXT,
    "outcome" TEXT,
    "outcomeReason" TEXT,
    "reviewDate" DATETIME,
    "replacedById" TEXT,
    "importedValues" TEXT,
    "lastUpdateAt" DATETIME,
    "snoozedUntil" DATETIME,
    "position" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Action_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Action_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Action" ("completedAt", "createdAt", "dueDate", "duePrecision", "dueText", "id", "lastUpdateAt", "planId", "position", "recommendationId", "ref", "reportedRag", "reportedRagAt", "snoozedUntil", "status", "text", "updatedAt", "verifiedAt", "verifiedById", "version") SELECT "completedAt", "createdAt", "dueDate", "duePrecision", "dueText", "id", "lastUpdateAt", "planId", "position", "recommendationId", "ref", "reportedRag", "reportedRagAt", "snoozedUntil", "status", "text", "updatedAt", "verifiedAt", "verifiedById", "version" FROM "Action";
DROP TABLE "Action";
ALTER TABLE "new_Action" RENAME TO "Action";
CREATE INDEX "Action_planId_status_dueDate_idx" ON "Action"("planId", "status", "dueDate");
CREATE INDEX "Action_status_dueDate_idx" ON "Action"("status", "dueDate");
CREATE INDEX "Action_rag_idx" ON "Action"("status", "planId", "reportedRag", "dueDate", "lastUpdateAt", "createdAt");
CREATE INDEX "Action_completedAt_idx" ON "Action"("completedAt");
CREATE INDEX "Action_recommendationId_idx" ON "Action"("recommendationId");
CREATE INDEX "Action_ref_idx" ON "Action"("ref");
CREATE UNIQUE INDEX "Action_planId_ref_key" ON "Action"("planId", "ref");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Evidence_actionId_idx" ON "Evidence"("actionId");

-- CreateIndex
CREATE UNIQUE INDEX "Update_actionId_seq_key" ON "Update"("actionId", "seq");


-- The date first promised is the due date each action has now.
UPDATE "Action" SET "originalDueDate" = "dueDate", "originalDueText" = "dueText";
