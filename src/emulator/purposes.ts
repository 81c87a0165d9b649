// What the emulated agents and callers say. Each call purpose is a small dialogue grammar: lines
// the agent and the caller can say, with the gist a summary would give of a caller's line and the
// disposition values a line settles. Summaries and disposition metrics are derived from the lines
// actually spoken, so analytics always agree with the transcript (as they would on the platform).

export interface Utterance {
  text: string
  /** What a summary says about this line ("asked to …"); caller lines only. */
  gist?: string
  /** Disposition values this line settles, identifier → value. */
  sets?: Record<string, string>
  /** The agent puts the caller on hold after this line. */
  hold?: boolean
  /** Spoken words ({name} counts as one): speech length is derived from it. */
  words: number
}

export interface Metric {
  identifier: string
  type: 'ENUM' | 'BOOLEAN' | 'STRING'
  /** The value when no line settled it; '{name}' is the caller's name. */
  fallback: string
}

export interface Purpose {
  key: string
  description: string
  direction: 'inbound' | 'outbound'
  /** "QuickShip called {name} about a parcel delivery." */
  intro: string
  opening: Utterance[]
  agent: Utterance[]
  user: Utterance[]
  closing: Utterance[]
  metrics: Metric[]
  /** Summary sentence for `identifier=value` of the first metric. */
  outcomes: Record<string, string>
}

type Raw = Omit<Utterance, 'words'>
const u = (text: string, more: Partial<Raw> = {}): Utterance => ({ text, ...more, words: text.split(' ').length })
const lines = (...texts: string[]) => texts.map((t) => u(t))

/** Said by any agent when it comes back from a hold. */
export const BACK_FROM_HOLD = u('Thank you for holding, {name}.')

export const PURPOSES: Purpose[] = [
  {
    key: 'delivery',
    description: 'Calls customers to confirm or reschedule parcel delivery slots',
    direction: 'outbound',
    intro: 'QuickShip called {name} about a parcel delivery.',
    opening: lines('Hi, this is Nyah from QuickShip. Am I speaking with {name}?', 'Hello {name}, this is QuickShip calling about your parcel.'),
    agent: [
      u('Your parcel is scheduled for tomorrow between ten and twelve. Does that work for you?'),
      u('I can move the delivery to Thursday afternoon instead.', { sets: { call_resolved: 'resolved' } }),
      u('Should the courier leave it with a neighbour if you are out?'),
      u('Let me check the available slots for your area, one moment please.', { hold: true }),
      u('I have updated the delivery slot for you.', { sets: { call_resolved: 'resolved' } }),
      u('The tracking number will arrive by text message shortly.'),
      u('I am sorry to hear that. I will note it on the delivery so the courier takes extra care.'),
    ],
    user: [
      u('Yes, speaking.'),
      u('Can we do the afternoon instead?', { gist: 'asked to move the delivery to the afternoon' }),
      u('I will be at work all morning, so nobody will be home.', { gist: 'said nobody is home in the morning' }),
      u('Please leave it at the reception desk.', { gist: 'asked for the parcel to be left at reception', sets: { call_resolved: 'resolved' } }),
      u('The last parcel arrived damaged, so please be careful this time.', { gist: 'complained that the last parcel arrived damaged' }),
      u('Thursday works better for me.', { gist: 'chose Thursday for the delivery', sets: { call_resolved: 'resolved' } }),
      u('I did not order anything, I think you have the wrong number.', { gist: 'said they had not ordered anything', sets: { call_resolved: 'unresolved' } }),
    ],
    closing: lines('Thank you {name}, have a great day.', 'You are all set, goodbye.'),
    metrics: [{ identifier: 'call_resolved', type: 'ENUM', fallback: 'unresolved' }, { identifier: 'customer_name', type: 'STRING', fallback: '{name}' }],
    outcomes: { 'call_resolved=resolved': 'The delivery was confirmed.', 'call_resolved=unresolved': 'No new delivery slot was agreed.' },
  },
  {
    key: 'appointment',
    description: 'Books and confirms clinic appointments',
    direction: 'outbound',
    intro: 'Sunrise Clinic called {name} about an appointment.',
    opening: lines('Good morning, this is Sunrise Clinic. Am I speaking with {name}?', 'Hello {name}, I am calling from Sunrise Clinic about your appointment.'),
    agent: [
      u('Doctor Mehta has an opening on Monday at nine thirty.'),
      u('Would you prefer a morning or an evening appointment?'),
      u('Please bring your insurance card and your previous prescriptions.'),
      u('Let me look at the calendar for this week, please stay on the line.', { hold: true }),
      u('I have booked the appointment and sent you a confirmation.', { sets: { appointment_booked: 'true' } }),
      u('Do you need a reminder the day before?'),
    ],
    user: [
      u('Monday morning is fine.', { gist: 'accepted a Monday morning slot', sets: { appointment_booked: 'true', preferred_time: 'morning' } }),
      u('Do you have anything on Saturday?', { gist: 'asked about weekend availability' }),
      u('I need to check my calendar first and call you back.', { gist: 'wanted to check their calendar first', sets: { appointment_booked: 'false' } }),
      u('Is the dermatologist available this week?', { gist: 'asked for a dermatologist this week' }),
      u('Evenings are better, I work during the day.', { gist: 'asked for an evening slot', sets: { preferred_time: 'evening' } }),
      u('I would like to cancel my previous booking.', { gist: 'cancelled an earlier booking' }),
    ],
    closing: lines('Thank you, we will see you then.', 'Take care {name}, goodbye.'),
    metrics: [{ identifier: 'appointment_booked', type: 'BOOLEAN', fallback: 'false' }, { identifier: 'preferred_time', type: 'ENUM', fallback: 'morning' }],
    outcomes: { 'appointment_booked=true': 'An appointment was booked.', 'appointment_booked=false': 'No appointment was booked.' },
  },
  {
    key: 'payment',
    description: 'Reminds customers about upcoming or overdue payments',
    direction: 'outbound',
    intro: 'Horizon Finance called {name} with a payment reminder.',
    opening: lines('Hello {name}, this is Horizon Finance calling about your account.', 'Hi, am I speaking with {name}? This is a payment reminder from Horizon Finance.'),
    agent: [
      u('Your instalment of forty five dollars is due on Friday.'),
      u('Would you like to pay now using the card on file?'),
      u('I can set up a payment plan over three months.'),
      u('The late fee will be waived if you pay this week.'),
      u('Let me pull up your payment history, one moment.', { hold: true }),
      u('I have noted your promise to pay on the fifteenth.', { sets: { promise_to_pay: 'true' } }),
    ],
    user: [
      u('I already paid that invoice last week.', { gist: 'said the invoice was already paid', sets: { dispute: 'true' } }),
      u('Can I split it into two payments?', { gist: 'asked to split the payment', sets: { promise_to_pay: 'true' } }),
      u('Please call me back next Monday.', { gist: 'asked for a call back next Monday' }),
      u('I lost my job and I need more time.', { gist: 'asked for more time after losing their job', sets: { promise_to_pay: 'false' } }),
      u('Okay, charge the card on file.', { gist: 'agreed to pay with the card on file', sets: { promise_to_pay: 'true' } }),
      u('Remove me from this list please.', { gist: 'asked to be removed from the call list', sets: { promise_to_pay: 'false' } }),
    ],
    closing: lines('Thank you for your time {name}.', 'I appreciate it, goodbye.'),
    metrics: [{ identifier: 'promise_to_pay', type: 'BOOLEAN', fallback: 'false' }, { identifier: 'dispute', type: 'BOOLEAN', fallback: 'false' }],
    outcomes: { 'promise_to_pay=true': 'The customer promised to pay.', 'promise_to_pay=false': 'There was no promise to pay.' },
  },
  {
    key: 'support',
    description: 'Answers inbound support calls and routes them',
    direction: 'inbound',
    intro: '{name} called Brightline support.',
    opening: lines('Thanks for calling Brightline support, how can I help you today?', 'Brightline support, this is Ava. What can I do for you?'),
    agent: [
      u('Could you tell me the order number please?'),
      u('I am sorry about that, let me check the account.', { hold: true }),
      u('I can issue a refund to your original payment method.', { sets: { issue_category: 'billing' } }),
      u('Let me transfer you to a specialist who can help with that.', { sets: { escalated: 'true' } }),
      u('Have you tried restarting the router?', { sets: { issue_category: 'technical' } }),
      u('Your order left the warehouse this morning and should arrive in two days.', { sets: { issue_category: 'order' } }),
    ],
    user: [
      u('My internet has been down since yesterday.', { gist: 'reported an internet outage', sets: { issue_category: 'technical' } }),
      u('The order number is four five two nine.', { gist: 'gave their order number' }),
      u('I want a refund for the broken kettle.', { gist: 'asked for a refund for a broken kettle', sets: { issue_category: 'billing' } }),
      u('I have been waiting for two weeks for my order.', { gist: 'complained about a two week delay', sets: { issue_category: 'order' } }),
      u('Yes, I restarted it twice and nothing changed.', { gist: 'had already restarted the router' }),
      u('Can I speak to a human please?', { gist: 'asked to speak to a person', sets: { escalated: 'true' } }),
    ],
    closing: lines('Is there anything else I can help with?', 'Thank you for calling Brightline.'),
    metrics: [{ identifier: 'issue_category', type: 'ENUM', fallback: 'other' }, { identifier: 'escalated', type: 'BOOLEAN', fallback: 'false' }],
    outcomes: { 'issue_category=billing': 'It was a billing issue.', 'issue_category=technical': 'It was a technical issue.', 'issue_category=order': 'It was about an order.', 'issue_category=other': 'The issue was not categorised.' },
  },
  {
    key: 'leads',
    description: 'Qualifies leads for home solar installations',
    direction: 'outbound',
    intro: 'SunPeak Solar called {name} about a home solar installation.',
    opening: lines('Hi {name}, this is Leo from SunPeak Solar. You asked us about solar panels, is now a good time?', 'Hello, is this {name}? I am calling from SunPeak Solar about your enquiry.'),
    agent: [
      u('Do you own your home, or are you renting?'),
      u('Roughly how much is your monthly electricity bill?'),
      u('Most homes like yours save about a third on their bills.'),
      u('I can book a free site survey with one of our engineers.', { sets: { qualified: 'true' } }),
      u('Let me see which engineers cover your postcode.', { hold: true }),
    ],
    user: [
      u('Yes, we own the house.', { gist: 'said they own their home', sets: { qualified: 'true' } }),
      u('We are renting at the moment.', { gist: 'said they rent their home', sets: { qualified: 'false' } }),
      u('The bill is around two hundred dollars a month.', { gist: 'gave a monthly bill of about two hundred dollars' }),
      u('How much does the installation cost?', { gist: 'asked about installation costs' }),
      u('I am not interested anymore, thanks.', { gist: 'said they were no longer interested', sets: { qualified: 'false' } }),
      u('A survey next week would be great.', { gist: 'agreed to a site survey', sets: { qualified: 'true' } }),
    ],
    closing: lines('Thanks {name}, you will get an email with the details.', 'Thank you for your time, goodbye.'),
    metrics: [{ identifier: 'qualified', type: 'BOOLEAN', fallback: 'false' }, { identifier: 'customer_name', type: 'STRING', fallback: '{name}' }],
    outcomes: { 'qualified=true': 'The lead qualified for a survey.', 'qualified=false': 'The lead did not qualify.' },
  },
]

export const NAMES = ['Priya', 'Daniel', 'Aisha', 'Marco', 'Mei', 'Oluwaseun', 'Sofia', 'Liam', 'Fatima', 'Kenji', 'Elena', 'Ravi', 'Grace', 'Tomás']

export const fillName = (text: string, name: string) => text.replaceAll('{name}', name)
