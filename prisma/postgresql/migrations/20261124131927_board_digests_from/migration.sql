-- AlterTable
ALTER TABLE "Board" ADD COLUMN     "digestsFrom" TIMESTAMP(3);

