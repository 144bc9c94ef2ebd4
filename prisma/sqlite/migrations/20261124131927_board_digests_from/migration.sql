-- AlterTable
ALTER TABLE "Board" ADD COLUMN "digestsFrom" DATETIME;

