import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, it } from 'vitest';
import { expectNoAxeViolations } from '../test/axe';
import { clientFor } from '../test/mock-api';
import { AddUserGuard, ar, SeatMeter, SeatsProvider } from './index';

it('reads in Arabic, right to left, with Arabic plural forms (Dazos at its limit)', async () => {
  const user = userEvent.setup();
  render(
    <SeatsProvider client={clientFor('delta-upgrade-at-limit', 'owner')} locale="ar" messages={ar}>
      <SeatMeter variant="compact" />
      <AddUserGuard onProceed={() => {}}>إضافة مستخدم</AddUserGuard>
    </SeatsProvider>,
  );
  const meter = await screen.findByRole('meter');
  expect(meter.getAttribute('aria-valuetext')).toBe('10 من 10 تراخيص مستخدمة، 0 متاحة');
  const button = screen.getByRole('button', { name: 'إضافة مستخدم' });
  await waitFor(() => expect(button.getAttribute('data-state')).toBe('blocked'));
  await user.click(button);
  const guard = await screen.findByRole('dialog', { name: 'لا تراخيص متاحة' });
  expect(guard.getAttribute('dir')).toBe('rtl');
  expect(screen.getByRole('button', { name: /^شراء ترخيص واحد/ })).toBeTruthy();
  await expectNoAxeViolations();
});
