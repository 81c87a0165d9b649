// The example payloads of atoms-api.md §4.3 (list), §5.2 (search) and §6.4 (detail), as the
// documentation shows them (values invented there, shapes per the official spec).
export const LIST_EXAMPLE = {
  status: true,
  data: {
    logs: [
      {
        _id: '6776b1c4e1f2a3b4c5d6e7f8', callId: 'CALL-1767268800123-9f3a2c', status: 'completed', duration: 94.6,
        from: '+14155550123', to: '+14155559876', type: 'telephony_outbound', agentId: '6774f1a2b3c4d5e6f7a8b9c0',
        recordingUrl: 'https://d1a2b3c4d5e6f7.cloudfront.net/call-recordings/CALL-1767268800123-9f3a2c/composite.wav',
        recordingDualUrl: 'https://d1a2b3c4d5e6f7.cloudfront.net/call-recordings/CALL-1767268800123-9f3a2c/dual.wav',
        disconnectionReason: 'user_hangup', retryCount: 0, createdAt: '2026-01-01T12:00:00.123Z',
        dispositionMetrics: { call_resolved: 'resolved', customer_name: 'Priya' },
        agentDispositionConfig: [{ identifier: 'call_resolved', type: 'ENUM' }, { identifier: 'customer_name', type: 'STRING' }],
        callCost: 1.42, versionId: '6774f1a2b3c4d5e6f7a8b9d1', versionNumber: 3, isTest: false, retryAttemptNumber: 0,
        postCallAnalytics: {
          summary: 'The agent confirmed the delivery address and the customer agreed to the new slot.',
          dispositionMetrics: [
            { identifier: 'call_resolved', value: 'resolved', confidence: 0.95 },
            { identifier: 'customer_name', value: 'Priya', confidence: 1 },
          ],
        },
        turnLatencyMetrics: { turns: 6, avgLatency: 812, medianLatency: 790.5, minLatency: 610, maxLatency: 1104, latencies: [1104, 790, 610, 802, 775, 791], processedAt: '2026-01-01T12:01:52.400Z' },
      },
      {
        _id: '6776b2a0e1f2a3b4c5d6e7f9', callId: 'CALL-1767269000456-1b7e90', status: 'no_answer', duration: 0,
        from: '+14155550123', to: '+14155551111', type: 'telephony_outbound', agentId: '6774f1a2b3c4d5e6f7a8b9c0',
        recordingUrl: '', recordingDualUrl: '', disconnectionReason: 'dial_no_answer', retryCount: 1,
        retryCallId: 'CALL-1767269900789-c40d11', retryAttemptNumber: 0, createdAt: '2026-01-01T12:03:20.456Z',
        dispositionMetrics: {}, agentDispositionConfig: [], callCost: 0, isTest: false,
      },
    ],
    pagination: { total: 37, page: 1, limit: 2, hasMore: true, totalPages: 19 },
    dispositionMetricsConfig: [{ identifier: 'call_resolved', type: 'ENUM' }],
  },
}

export const DETAIL_EXAMPLE = {
  status: true,
  data: {
    _id: '6776b1c4e1f2a3b4c5d6e7f8', callId: 'CALL-1767268800123-9f3a2c',
    agent: { _id: '6774f1a2b3c4d5e6f7a8b9c0', name: 'Delivery Reschedule Agent', workflowType: 'single_prompt', slmModel: 'electron' },
    status: 'completed', duration: 94.6,
    recordingUrl: 'https://d1a2b3c4d5e6f7.cloudfront.net/call-recordings/CALL-1767268800123-9f3a2c/composite.wav',
    recordingDualUrl: 'https://d1a2b3c4d5e6f7.cloudfront.net/call-recordings/CALL-1767268800123-9f3a2c/dual.wav',
    from: '+14155550123', to: '+14155559876', type: 'telephony_outbound', disconnectionReason: 'user_hangup',
    transcript: [
      { role: 'agent', content: 'Hi, this is Nyah from QuickShip. Am I speaking with Priya?', timestamp: '2026-01-01T12:00:04.210Z' },
      { role: 'user', content: 'Yes, speaking.', timestamp: '2026-01-01T12:00:07.935Z' },
      { role: 'agent', content: 'Your parcel is scheduled for tomorrow. Does 10 to 12 work?', timestamp: '2026-01-01T12:00:09.040Z' },
      { role: 'user', content: 'Can we do the afternoon instead?', timestamp: '2026-01-01T12:00:14.512Z' },
    ],
    variables: { call_id: 'CALL-1767268800123-9f3a2c', customer_name: 'Priya' },
    events: [{ event_type: 'call_start', event_id: 'evt_01', timestamp: '2026-01-01T12:00:03.950Z', call_id: 'CALL-1767268800123-9f3a2c' }],
    callCost: 1.42,
    postCallAnalytics: {
      summary: 'The agent confirmed the delivery and moved it to the afternoon at the customer\'s request.',
      dispositionMetrics: [{ identifier: 'call_resolved', value: 'resolved', confidence: 0.95, reasoning: 'The customer accepted the new slot.' }],
    },
    turnLatencyMetrics: {
      turns: 6, avgLatency: 812, medianLatency: 790.5, minLatency: 610, maxLatency: 1104, latencies: [1104, 790, 610, 802, 775, 791],
      transitions: [{ turn: 1, user_end: 1767268807936, bot_start: 1767268809040, latency: 1104 }],
      processedAt: '2026-01-01T12:01:52.400Z',
    },
    voiceConfigUsed: { model: 'waves_lightning_v3_1', voiceId: 'nyah', gender: 'female' },
    slmModelUsed: 'electron',
  },
}
