import { SeatMeterReason, useMembers, useSeats, useSeatsMessages } from '@seats/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import type { SeatsParameters } from './seats-parameters';
import { dark, german, light, rtl, unstyled } from './variants';

function MemberReasons() {
  const members = useMembers();
  const { format } = useSeats();
  const t = useSeatsMessages();
  if (members.data === undefined) return null;
  return (
    <table>
      <tbody>
        {members.data.items.map((member) => (
          <tr key={member.id}>
            <th scope="row">{member.name}</th>
            <td>{t.statusName({ status: member.status }, format)}</td>
            <td>
              <SeatMeterReason reason={member.reason} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Why each OpenCRM user counts or not: Active and Locked consume, Inactive, Room and Queue do not. */
const meta = {
  title: 'SeatMeter/Why a member counts',
  component: SeatMeterReason,
  render: () => <MemberReasons />,
  args: { reason: { kind: 'status-consumes', status: 'Active' } },
  parameters: {
    seats: { account: 'total-with-terms-no-self-decrease' } satisfies SeatsParameters,
  },
  async play({ canvas, canvasElement }) {
    await canvas.findAllByRole('row');
    const consumes = [...canvasElement.querySelectorAll('[data-part="reason"]')].map((reason) =>
      reason.getAttribute('data-consumes'),
    );
    // A boolean data attribute is present only when true.
    await expect(consumes.filter((value) => value === '')).toHaveLength(9);
    await expect(consumes.filter((value) => value === null)).toHaveLength(4);
  },
} satisfies Meta<typeof SeatMeterReason>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Light: Story = light;
export const Dark: Story = dark;
export const Unstyled: Story = unstyled;
export const German: Story = german;
export const Rtl: Story = rtl;
