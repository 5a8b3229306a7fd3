import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { api } from './mock-api';

beforeEach(async () => {
  await api.reset();
});

afterEach(() => {
  cleanup();
});
