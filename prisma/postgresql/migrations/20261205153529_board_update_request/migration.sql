-- AlterTable
ALTER TABLE "Action" ADD COLUMN     "updateDueBy" TIMESTAMP(3),
ADD COLUMN     "updateRequestedAt" TIMESTAMP(3);

