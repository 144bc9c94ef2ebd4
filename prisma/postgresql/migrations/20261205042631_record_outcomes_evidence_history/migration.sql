-- AlterTable
ALTER TABLE "Plan" ADD COLUMN     "archivedAt" TIMESTAMP(3),
ADD COLUMN     "evidencePolicy" TEXT NOT NULL DEFAULT 'high',
ADD COLUMN     "riskAcceptorPostId" TEXT,
ADD COLUMN     "sourceFile" TEXT,
ADD COLUMN     "verifierPostId" TEXT;

-- AlterTable
ALTER TABLE "Action" ADD COLUMN     "completedById" TEXT,
ADD COLUMN     "dueRevisions" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "importedValues" TEXT,
ADD COLUMN     "originalDueDate" TIMESTAMP(3),
ADD COLUMN     "originalDueText" TEXT,
ADD COLUMN     "outcome" TEXT,
ADD COLUMN     "outcomeReason" TEXT,
ADD COLUMN     "priority" TEXT,
ADD COLUMN     "replacedById" TEXT,
ADD COLUMN     "reviewDate" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Update" ADD COLUMN     "detail" TEXT,
ADD COLUMN     "hash" TEXT,
ADD COLUMN     "seq" INTEGER;

-- CreateTable
CREATE TABLE "Evidence" (
    "id" TEXT NOT NULL,
    "actionId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "url" TEXT,
    "fileName" TEXT,
    "contentType" TEXT,
    "size" INTEGER,
    "content" BYTEA,
    "addedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Evidence_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Evidence_actionId_idx" ON "Evidence"("actionId");

-- CreateIndex
CREATE UNIQUE INDEX "Update_actionId_seq_key" ON "Update"("actionId", "seq");

-- AddForeignKey
ALTER TABLE "Plan" ADD CONSTRAINT "Plan_verifierPostId_fkey" FOREIGN KEY ("verifierPostId") REFERENCES "Post"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Plan" ADD CONSTRAINT "Plan_riskAcceptorPostId_fkey" FOREIGN KEY ("riskAcceptorPostId") REFERENCES "Post"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- The date first promised is the due date each action has now.
UPDATE "Action" SET "originalDueDate" = "dueDate", "originalDueText" = "dueText";
