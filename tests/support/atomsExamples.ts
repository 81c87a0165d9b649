// The example payloads of atoms-api.md, copied verbatim (values invented there, shapes per the
// official spec): the client must read exactly what the documentation shows.

/** §4.3 GET /conversation */
export const LIST_EXAMPLE = {
  "status": true,
  "data": {
    "logs": [
      {
        "_id": "6776b1c4e1f2a3b4c5d6e7f8",
        "callId": "CALL-1767268800123-9f3a2c",
        "status": "completed",
        "duration": 94.6,
        "from": "+14155550123",
        "to": "+14155559876",
        "type": "telephony_outbound",
        "agentId": "6774f1a2b3c4d5e6f7a8b9c0",
        "recordingUrl": "https://d1a2b3c4d5e6f7.cloudfront.net/call-recordings/CALL-1767268800123-9f3a2c/composite.wav",
        "recordingDualUrl": "https://d1a2b3c4d5e6f7.cloudfront.net/call-recordings/CALL-1767268800123-9f3a2c/dual.wav",
        "disconnectionReason": "user_hangup",
        "retryCount": 0,
        "createdAt": "2026-01-01T12:00:00.123Z",
        "dispositionMetrics": {"call_resolved": "resolved", "customer_name": "Priya"},
        "agentDispositionConfig": [{"identifier": "call_resolved", "type": "ENUM"}, {"identifier": "customer_name", "type": "STRING"}],
        "callCost": 1.42,
        "versionId": "6774f1a2b3c4d5e6f7a8b9d1",
        "versionNumber": 3,
        "isTest": false,
        "retryAttemptNumber": 0,
        "postCallAnalytics": {
          "summary": "The agent confirmed the delivery address and the customer agreed to the new slot.",
          "dispositionMetrics": [
            {"identifier": "call_resolved", "value": "resolved", "confidence": 0.95},
            {"identifier": "customer_name", "value": "Priya", "confidence": 1}
          ]
        },
        "turnLatencyMetrics": {
          "turns": 6,
          "avgLatency": 812,
          "medianLatency": 790.5,
          "minLatency": 610,
          "maxLatency": 1104,
          "latencies": [1104, 790, 610, 802, 775, 791],
          "processedAt": "2026-01-01T12:01:52.400Z"
        }
      },
      {
        "_id": "6776b2a0e1f2a3b4c5d6e7f9",
        "callId": "CALL-1767269000456-1b7e90",
        "status": "no_answer",
        "duration": 0,
        "from": "+14155550123",
        "to": "+14155551111",
        "type": "telephony_outbound",
        "agentId": "6774f1a2b3c4d5e6f7a8b9c0",
        "recordingUrl": "",
        "recordingDualUrl": "",
        "disconnectionReason": "dial_no_answer",
        "retryCount": 1,
        "retryCallId": "CALL-1767269900789-c40d11",
        "retryAttemptNumber": 0,
        "createdAt": "2026-01-01T12:03:20.456Z",
        "dispositionMetrics": {},
        "agentDispositionConfig": [{"identifier": "call_resolved", "type": "ENUM"}, {"identifier": "customer_name", "type": "STRING"}],
        "callCost": 0,
        "isTest": false
      }
    ],
    "pagination": {"total": 37, "page": 1, "limit": 2, "hasMore": true, "totalPages": 19},
    "dispositionMetricsConfig": [{"identifier": "call_resolved", "type": "ENUM"}, {"identifier": "customer_name", "type": "STRING"}]
  }
} as const

/** §5.1 POST /conversation/search request */
export const SEARCH_REQUEST_EXAMPLE = {"callIds": ["CALL-1767268800123-9f3a2c", "CALL-1767269900789-c40d11", "CALL-1767270000000-ffffff"]} as const

/** §5.2 POST /conversation/search */
export const SEARCH_EXAMPLE = {
  "status": true,
  "data": {
    "logs": [
      {
        "_id": "6776b1c4e1f2a3b4c5d6e7f8",
        "callId": "CALL-1767268800123-9f3a2c",
        "status": "completed",
        "duration": 94.6,
        "from": "+14155550123",
        "to": "+14155559876",
        "type": "telephony_outbound",
        "agentId": "6774f1a2b3c4d5e6f7a8b9c0",
        "recordingUrl": "https://d1a2b3c4d5e6f7.cloudfront.net/call-recordings/CALL-1767268800123-9f3a2c/composite.wav",
        "recordingDualUrl": "https://d1a2b3c4d5e6f7.cloudfront.net/call-recordings/CALL-1767268800123-9f3a2c/dual.wav",
        "disconnectionReason": "user_hangup",
        "retryCount": 0,
        "createdAt": "2026-01-01T12:00:00.123Z",
        "callCost": 1.42,
        "versionId": "6774f1a2b3c4d5e6f7a8b9d1",
        "isTest": false,
        "retryAttemptNumber": 0,
        "postCallAnalytics": {"summary": "…", "dispositionMetrics": []},
        "turnLatencyMetrics": {"turns": 6, "avgLatency": 812}
      },
      {
        "_id": "6776b6e5e1f2a3b4c5d6e800",
        "callId": "CALL-1767269900789-c40d11",
        "status": "completed",
        "duration": 41.2,
        "from": "+14155550123",
        "to": "+14155551111",
        "type": "telephony_outbound",
        "agentId": "6774f1a2b3c4d5e6f7a8b9c0",
        "recordingUrl": "https://d1a2b3c4d5e6f7.cloudfront.net/call-recordings/CALL-1767269900789-c40d11/composite.wav",
        "disconnectionReason": "agent_hangup",
        "retryCount": 0,
        "retryAttemptNumber": 1,
        "createdAt": "2026-01-01T12:18:20.789Z",
        "callCost": 0.61,
        "isTest": false
      }
    ],
    "total": 2,
    "requestedCount": 3
  }
} as const

/** §6.4 GET /conversation/{id} */
export const DETAIL_EXAMPLE = {
  "status": true,
  "data": {
    "_id": "6776b1c4e1f2a3b4c5d6e7f8",
    "callId": "CALL-1767268800123-9f3a2c",
    "agent": {
      "_id": "6774f1a2b3c4d5e6f7a8b9c0",
      "name": "Delivery Reschedule Agent",
      "description": "Calls customers to confirm delivery slots",
      "organization": "6770aa11bb22cc33dd44ee55",
      "workflowType": "single_prompt",
      "slmModel": "electron",
      "synthesizer": {"voiceConfig": {"model": "waves_lightning_v3_1", "voiceId": "nyah", "gender": "female"}, "speed": 1},
      "language": {"default": "en", "supported": ["en", "hi"]},
      "createdAt": "2025-12-20T09:30:00.000Z",
      "updatedAt": "2025-12-31T18:02:11.000Z"
    },
    "status": "completed",
    "duration": 94.6,
    "recordingUrl": "https://d1a2b3c4d5e6f7.cloudfront.net/call-recordings/CALL-1767268800123-9f3a2c/composite.wav",
    "recordingDualUrl": "https://d1a2b3c4d5e6f7.cloudfront.net/call-recordings/CALL-1767268800123-9f3a2c/dual.wav",
    "from": "+14155550123",
    "to": "+14155559876",
    "type": "telephony_outbound",
    "disconnectionReason": "user_hangup",
    "transcript": [
      {
        "role": "agent",
        "content": "Hi, this is Nyah from QuickShip. Am I speaking with Priya?",
        "timestamp": "2026-01-01T12:00:04.210Z"
      },
      {"role": "user", "content": "Yes, speaking.", "timestamp": "2026-01-01T12:00:07.935Z"},
      {
        "role": "agent",
        "content": "Your parcel is scheduled for tomorrow. Does 10 to 12 work?",
        "timestamp": "2026-01-01T12:00:09.040Z"
      },
      {"role": "user", "content": "Can we do the afternoon instead?", "timestamp": "2026-01-01T12:00:14.512Z"}
    ],
    "variables": {
      "call_id": "CALL-1767268800123-9f3a2c",
      "user_number": "+14155559876",
      "agent_number": "+14155550123",
      "conversation_type": "telephonyOutbound",
      "agent_gender": "female",
      "default_language": "en",
      "supported_languages": "en,hi",
      "current_date": "2026-01-01",
      "current_time": "04:00",
      "current_day": "Thursday",
      "timezone": "America/Los_Angeles",
      "customer_name": "Priya"
    },
    "events": [
      {
        "event_type": "call_start",
        "event_id": "evt_01",
        "timestamp": "2026-01-01T12:00:03.950Z",
        "call_id": "CALL-1767268800123-9f3a2c",
        "telephony_id": "tel_8c1f"
      },
      {
        "event_type": "user_transcription",
        "event_id": "evt_02",
        "timestamp": "2026-01-01T12:00:07.935Z",
        "call_id": "CALL-1767268800123-9f3a2c",
        "user_transcription_text": "Yes, speaking."
      },
      {
        "event_type": "turn_latency",
        "event_id": "evt_03",
        "timestamp": "2026-01-01T12:00:09.040Z",
        "call_id": "CALL-1767268800123-9f3a2c",
        "turn_index": 1,
        "total_turn_ms": 1104,
        "stt_api_ms": 180,
        "llm_api_ms": 520,
        "tts_api_ms": 230,
        "interrupted": false
      },
      {
        "event_type": "call_end",
        "event_id": "evt_09",
        "timestamp": "2026-01-01T12:01:38.700Z",
        "call_id": "CALL-1767268800123-9f3a2c",
        "metadata": {"reason": "user_hangup"}
      }
    ],
    "callCost": 1.42,
    "postCallAnalytics": {
      "summary": "The agent confirmed the delivery and moved it to the afternoon at the customer's request.",
      "dispositionMetrics": [
        {"identifier": "call_resolved", "value": "resolved", "confidence": 0.95, "reasoning": "The customer accepted the new slot."},
        {"identifier": "customer_name", "value": "Priya", "confidence": 1, "reasoning": "The customer confirmed her name."}
      ]
    },
    "turnLatencyMetrics": {
      "turns": 6,
      "avgLatency": 812,
      "medianLatency": 790.5,
      "minLatency": 610,
      "maxLatency": 1104,
      "latencies": [1104, 790, 610, 802, 775, 791],
      "transitions": [
        {"turn": 1, "user_end": 1767268807936, "bot_start": 1767268809040, "latency": 1104},
        {"turn": 2, "user_end": 1767268814512, "bot_start": 1767268815302, "latency": 790}
      ],
      "processedAt": "2026-01-01T12:01:52.400Z"
    },
    "voiceConfigUsed": {"model": "waves_lightning_v3_1", "voiceId": "nyah", "gender": "female"},
    "slmModelUsed": "electron"
  }
} as const

/** §7 GET /conversation/{callId}/recording/download-url */
export const DOWNLOAD_URL_EXAMPLE = {
  "status": true,
  "data": {
    "presignedUrl": "https://atoms-call-recordings.s3.ap-south-1.amazonaws.com/call-recordings/CALL-1767268800123-9f3a2c/composite.wav?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=300&X-Amz-Signature=…"
  }
} as const
