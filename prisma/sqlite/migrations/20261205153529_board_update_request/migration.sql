-- AlterTable
ALTER TABLE "Action" ADD COLUMN "updateDueBy" DATETIME;
ALTER TABLE "Action" ADD COLUMN "updateRequestedAt" DATETIME;

