import { describe, expect, test } from 'vitest';
import { checkIsapiReply, readIsapiStatus } from './hikvision-client';
import type { HttpReply } from './http-transport';
import { TerminalError } from './terminal-error';

const reply = (status: number, body: string): HttpReply => ({ status, headers: {}, wwwAuthenticate: [], body: Buffer.from(body) });

function failureOf(status: number, body: string): { failure: string; code: string; message: string } {
  try {
    checkIsapiReply(reply(status, body));
  } catch (error) {
    if (error instanceof TerminalError) return { failure: error.failure, code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected a failure');
}

describe('ISAPI answers', () => {
  test('success as the terminals answer it', () => {
    expect(checkIsapiReply(reply(200, '{"statusCode":1,"statusString":"OK","subStatusCode":"ok"}'))).toMatchObject({ statusCode: 1, subStatusCode: 'ok' });
    expect(checkIsapiReply(reply(200, '{"requestURL":"/ISAPI/AccessControl/UserInfo/Delete?format=json","statusCode":1,"statusString":"OK","subStatusCode":"ok"}')).statusCode).toBe(1);
  });

  test.each([
    // The duplicate-person answer published by integrators (HTTP 400, statusCode 6).
    ['a duplicate person', 400, '{"statusCode":6,"statusString":"Invalid Content","subStatusCode":"employeeNoAlreadyExist","errorCode":1610637344,"errorMsg":"checkUser"}', 'exists', 'EXISTS', 'Invalid Content (employeeNoAlreadyExist: checkUser) [errorCode 1610637344]'],
    ['a face already there (FaceDataRecord)', 400, '{"statusCode":6,"statusString":"Invalid Content","subStatusCode":"deviceUserAlreadyExistFace"}', 'exists', 'EXISTS', 'Invalid Content (deviceUserAlreadyExistFace)'],
    ['an unknown person', 400, '{"statusCode":6,"statusString":"Invalid Content","subStatusCode":"employeeNoNotExist"}', 'not_found', 'NOT_FOUND', 'Invalid Content (employeeNoNotExist)'],
    ['an endpoint the firmware lacks', 400, '{"statusCode":4,"statusString":"Invalid Operation","subStatusCode":"notSupport"}', 'not_supported', 'NOT_SUPPORTED', 'Invalid Operation (notSupport)'],
    ['a 404 page', 404, '<ResponseStatus><statusCode>4</statusCode><statusString>Invalid Operation</statusString><subStatusCode>invalidOperation</subStatusCode></ResponseStatus>', 'not_supported', 'NOT_SUPPORTED', 'Invalid Operation (invalidOperation)'],
    ['a busy terminal', 503, '{"statusCode":2,"statusString":"Device Busy","subStatusCode":"deviceBusy","errorCode":536870916}', 'busy', 'BUSY', 'Device Busy (deviceBusy) [errorCode 536870916]'],
    ['an oversize picture (statusCode 3, permanent)', 400, '{"statusCode":3,"statusString":"Device Error","subStatusCode":"pictureSizeExceedLimit","errorCode":805306380}', 'refused', 'FACE_TOO_LARGE', 'Device Error (pictureSizeExceedLimit) [errorCode 805306380]'],
    ['a transient device error', 500, '{"statusCode":3,"statusString":"Device Error","subStatusCode":"writeDatabaseError"}', 'busy', 'BUSY', 'Device Error (writeDatabaseError)'],
    ['a face that cannot be modelled', 400, '{"statusCode":6,"statusString":"Invalid Content","subStatusCode":"SubpicAnalysisModelingError"}', 'refused', 'FACE_MODELING', 'Invalid Content (SubpicAnalysisModelingError)'],
    ['a card another person holds', 400, '{"statusCode":6,"statusString":"Invalid Content","subStatusCode":"cardNoAlreadyExist"}', 'busy', 'CARD_TAKEN', 'Invalid Content (cardNoAlreadyExist)'],
    ['malformed JSON we sent', 400, '{"statusCode":5,"statusString":"Invalid Format","subStatusCode":"badJsonFormat"}', 'refused', 'BAD_FORMAT', 'Invalid Format (badJsonFormat)'],
    ['an HTML error page', 400, '<!DOCTYPE html><html><head><title>Document Error: Bad Request</title></head><body><h2>Access Error: 400 -- Bad Request</h2></body></html>', 'refused', 'REFUSED', 'HTTP 400: Document Error: Bad Request Access Error: 400 -- Bad Request'],
  ])('%s', (_label, status, body, failure, code, message) => {
    expect(failureOf(status, body)).toEqual({ failure, code, message });
  });

  test('a 200 whose body says statusCode 6 is a refusal too', () => {
    expect(failureOf(200, '{"statusCode":6,"statusString":"Invalid Content","subStatusCode":"badParameters"}')).toMatchObject({ failure: 'refused', code: 'BAD_PARAMETERS' });
  });

  test('userCheck XML after a failed login keeps the lock state', () => {
    const xml = '<?xml version="1.0" encoding="UTF-8"?><userCheck><statusValue>401</statusValue><statusString>Unauthorized</statusString><lockStatus>unlock</lockStatus><unlockTime>0</unlockTime><retryLoginTime>4</retryLoginTime></userCheck>';
    expect(readIsapiStatus(Buffer.from(xml)).status).toMatchObject({ statusString: 'Unauthorized', lockStatus: 'unlock', retryLoginTime: 4 });
  });
});
