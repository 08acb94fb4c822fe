// Loaded by jest outside its module mapper: import only packages here, nothing relative.
const TEMPLATE_DATABASE_ENV = 'TEST_TEMPLATE_DATABASE';

/**
 * Names the run's template database. The first test file to need it creates and migrates it
 * (under an advisory lock); every file then clones its own, so files run in parallel and each
 * can assert that a refused request changed nothing.
 */
export default function globalSetup(): void {
  process.env[TEMPLATE_DATABASE_ENV] = `cp_test_template_${Date.now().toString(36)}_${process.pid}`;
}
