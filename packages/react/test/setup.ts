import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { api } from './mock-api';

// findBy and waitFor wait for the real handler in the page: allow for a loaded machine.
configure({ asyncUtilTimeout: 5_000 });

beforeEach(async () => {
  await api.reset();
});

afterEach(() => {
  cleanup();
});
