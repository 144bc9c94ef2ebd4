process.env.CHASER_TEST_PROVIDER = 'sqlite';
