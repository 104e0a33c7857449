/**
 * The event document of a Hikvision push: JSON (newer firmware's `event_log` part or body) or the
 * `EventNotificationAlert` XML that cameras and older access controllers send by default. Both
 * become the same plain object; XML element values stay strings. Pure: no I/O.
 */
import { XMLParser } from 'fast-xml-parser';

const xml = new XMLParser({ ignoreAttributes: true, removeNSPrefix: true, parseTagValue: false, trimValues: true, processEntities: true, htmlEntities: false });

/** The event as an object, or null when the text is neither an event JSON object nor an EventNotificationAlert. */
export function eventDocument(text: string): Record<string, unknown> | null {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed.startsWith('<')) return eventXml(trimmed);
  try {
    return unwrap(JSON.parse(trimmed));
  } catch {
    return null;
  }
}

/** A parsed JSON body as the event object (some firmware wraps it in `EventNotificationAlert`). */
export function unwrap(value: unknown): Record<string, unknown> | null {
  if (!isObject(value)) return null;
  const inner = value['EventNotificationAlert'];
  return isObject(inner) && Object.keys(value).length === 1 ? inner : value;
}

function eventXml(text: string): Record<string, unknown> | null {
  // No document type declarations: nothing a terminal sends needs one, and entities can explode.
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) return null;
  try {
    const parsed: unknown = xml.parse(text);
    const alert = isObject(parsed) ? parsed['EventNotificationAlert'] : null;
    return isObject(alert) ? alert : null;
  } catch {
    return null;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
