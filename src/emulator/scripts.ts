// What the emulated agents and callers say: a few call purposes, each a dialogue template with
// variations, so transcripts read like real calls and full-text search has real words to find.
import { pick, type Rng } from './random'

export interface Purpose {
  agentName: string
  description: string
  opening: string[]
  agent: string[]
  user: string[]
  closing: string[]
  summary: string[]
  metrics: { identifier: string; type: string; values: string[] }[]
}

export const PURPOSES: Purpose[] = [
  {
    agentName: 'Delivery Reschedule Agent',
    description: 'Calls customers to confirm delivery slots',
    opening: ['Hi, this is Nyah from QuickShip. Am I speaking with {name}?', 'Hello {name}, this is QuickShip calling about your parcel.'],
    agent: ['Your parcel is scheduled for tomorrow between ten and twelve. Does that work?', 'I can move the delivery to Thursday afternoon instead.', 'Should the courier leave it with a neighbour if you are out?', 'I have updated the delivery slot for you.', 'The tracking number will arrive by text message shortly.'],
    user: ['Yes, speaking.', 'Can we do the afternoon instead?', 'I will be at work all morning.', 'Please leave it at the reception desk.', 'The last parcel arrived damaged, so please be careful.', 'Thursday works better for me.'],
    closing: ['Thank you {name}, have a great day.', 'You are all set, goodbye.'],
    summary: ['The customer moved the delivery to the afternoon.', 'The agent confirmed the delivery slot and a safe place.', 'The customer asked to reschedule because of work.'],
    metrics: [{ identifier: 'call_resolved', type: 'ENUM', values: ['resolved', 'unresolved'] }, { identifier: 'customer_name', type: 'STRING', values: [] }],
  },
  {
    agentName: 'Clinic Appointment Booking',
    description: 'Books and confirms clinic appointments',
    opening: ['Good morning, this is Sunrise Clinic. Am I speaking with {name}?', 'Hello {name}, I am calling from Sunrise Clinic about your appointment.'],
    agent: ['Doctor Mehta has an opening on Monday at nine thirty.', 'Would you prefer a morning or an evening appointment?', 'Please bring your insurance card and previous prescriptions.', 'I have booked the appointment and sent a confirmation.', 'Do you need a reminder the day before?'],
    user: ['Monday morning is fine.', 'Do you have anything on Saturday?', 'I need to check my calendar first.', 'Is the dermatologist available this week?', 'Yes, please send me a reminder.', 'I would like to cancel my previous booking.'],
    closing: ['Thank you, we will see you then.', 'Take care {name}, goodbye.'],
    summary: ['The patient booked a Monday morning appointment.', 'The caller asked about weekend availability.', 'The patient cancelled and rebooked an appointment.'],
    metrics: [{ identifier: 'appointment_booked', type: 'BOOLEAN', values: ['true', 'false'] }, { identifier: 'preferred_time', type: 'ENUM', values: ['morning', 'evening'] }],
  },
  {
    agentName: 'Payment Reminder',
    description: 'Reminds customers about upcoming or overdue payments',
    opening: ['Hello {name}, this is Horizon Finance calling about your account.', 'Hi, am I speaking with {name}? This is a payment reminder from Horizon Finance.'],
    agent: ['Your instalment of forty five dollars is due on Friday.', 'Would you like to pay now using the card on file?', 'I can set up a payment plan over three months.', 'The late fee will be waived if you pay this week.', 'I have noted your promise to pay on the fifteenth.'],
    user: ['I already paid that invoice last week.', 'Can I split it into two payments?', 'Please call me back next Monday.', 'I lost my job and need more time.', 'Okay, charge the card on file.', 'Remove me from this list please.'],
    closing: ['Thank you for your time {name}.', 'I appreciate it, goodbye.'],
    summary: ['The customer agreed to pay on Friday.', 'The customer disputed the invoice as already paid.', 'A three month payment plan was set up.'],
    metrics: [{ identifier: 'promise_to_pay', type: 'BOOLEAN', values: ['true', 'false'] }, { identifier: 'dispute', type: 'BOOLEAN', values: ['true', 'false'] }],
  },
  {
    agentName: 'Support Triage',
    description: 'Answers inbound support calls and routes them',
    opening: ['Thanks for calling Brightline support, how can I help you today?', 'Brightline support, this is Ava. What can I do for you?'],
    agent: ['Could you tell me the order number please?', 'I am sorry about that, let me check the account.', 'I can issue a refund to your original payment method.', 'Let me transfer you to a specialist.', 'Have you tried restarting the router?'],
    user: ['My internet has been down since yesterday.', 'The order number is four five two nine.', 'I want a refund for the broken kettle.', 'I have been waiting for two weeks.', 'Yes, I restarted it twice.', 'Can I speak to a human please?'],
    closing: ['Is there anything else I can help with?', 'Thank you for calling Brightline.'],
    summary: ['The caller asked for a refund for a broken kettle.', 'The caller reported an internet outage and was transferred.', 'The agent tracked a delayed order.'],
    metrics: [{ identifier: 'issue_category', type: 'ENUM', values: ['billing', 'technical', 'order', 'other'] }, { identifier: 'escalated', type: 'BOOLEAN', values: ['true', 'false'] }],
  },
]

const NAMES = ['Priya', 'Daniel', 'Aisha', 'Marco', 'Mei', 'Oluwaseun', 'Sofia', 'Liam', 'Fatima', 'Kenji', 'Elena', 'Ravi']

export interface Line {
  role: 'agent' | 'user'
  text: string
}

/** The dialogue of one call: `turns` lines, mostly alternating, sometimes two in a row. */
export function dialogue(r: Rng, purpose: Purpose, turns: number): { name: string; lines: Line[] } {
  const name = pick(r, NAMES)
  const fill = (s: string) => s.replaceAll('{name}', name)
  const lines: Line[] = [{ role: 'agent', text: fill(pick(r, purpose.opening)) }]
  while (lines.length < turns - 1) {
    const prev = lines[lines.length - 1]!.role
    const role = r() < 0.1 ? prev : prev === 'agent' ? 'user' : 'agent'
    lines.push({ role, text: fill(pick(r, role === 'agent' ? purpose.agent : purpose.user)) })
  }
  if (turns > 1) lines.push({ role: 'agent', text: fill(pick(r, purpose.closing)) })
  return { name, lines }
}
