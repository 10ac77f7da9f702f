/**
 * Requests as a ZKTeco terminal sends them over ADMS (push protocol 2.4.x), for the protocol's unit tests
 * and the door routes' integration tests. Shapes follow ZKTeco's 《考勤 PUSH 通讯协议》 V4.0 (§6, §11.2,
 * §11.4–11.5, §13) and what terminals in the field send: CRLF or LF line ends, a trailing blank line,
 * seven fields an attendance record, ten on firmware with mask and temperature detection.
 * The PINs, serial number and times are made up.
 */

export const RECORDED_SERIAL = 'CQZ7232460512';

/** GET /iclock/cdata?… — the handshake after power-on (language 83: simplified Chinese). */
export const HANDSHAKE_QUERY = `SN=${RECORDED_SERIAL}&options=all&pushver=2.4.1&language=83`;

/** GET /iclock/getrequest?… — the heartbeat; INFO: firmware, users, fingerprints, records, IP, … */
export const GETREQUEST_QUERY = `SN=${RECORDED_SERIAL}&INFO=Ver%208.0.4.7-20230615,12,0,356,192.168.1.201,10,7,15,12,111`;

/** POST /iclock/cdata?… with ATTLOG_BODY. */
export const ATTLOG_QUERY = `SN=${RECORDED_SERIAL}&table=ATTLOG&Stamp=9999`;

/**
 * Four records, CRLF line ends, a blank line at the end: a face check-in at noon China time, a fingerprint,
 * a card, and a face check-out from firmware that appends mask flag and temperatures.
 */
export const ATTLOG_BODY =
  '1001\t2026-12-07 12:00:00\t0\t15\t0\t0\t0\r\n' +
  '1002\t2026-12-07 12:00:41\t0\t1\t0\t0\t0\r\n' +
  '1003\t2026-12-07 12:03:09\t0\t4\t0\t0\t0\r\n' +
  '1001\t2026-12-07 18:02:13\t1\t15\t0\t0\t0\t0\t36.4\t36.4\r\n' +
  '\r\n';

/** Three records, LF line ends, the second dated 30 February. */
export const ATTLOG_BODY_ONE_BROKEN =
  '1004\t2026-02-28 07:58:02\t0\t15\t0\t0\t0\n' +
  '1005\t2026-02-30 08:01:10\t0\t15\t0\t0\t0\n' +
  '1006\t2026-03-01 08:03:55\t0\t1\t0\t0\t0\n';

/**
 * What a damaged upload looks like: a byte-order mark, a record cut short, a PIN with a dash, slashes in
 * the date, a blank line, and one good record at the end.
 */
export const ATTLOG_BODY_DAMAGED =
  '\uFEFF1007\t2026-12-07 09:15:00\n' +
  '10-07\t2026-12-07 09:15:02\t0\t15\t0\t0\t0\n' +
  '1008\t2026/12/07 09:15:04\t0\t15\t0\t0\t0\n' +
  '\n' +
  '1009\t2026-12-07 09:15:06\t0\t15\t0\t0\t0\n';

/** POST /iclock/cdata?… with OPERLOG_BODY. */
export const OPERLOG_QUERY = `SN=${RECORDED_SERIAL}&table=OPERLOG&Stamp=9999`;

/** An operation log (4: menu opened, 30: user enrolled at the terminal) and the user it enrolled (§11.4–11.5). */
export const OPERLOG_BODY =
  'OPLOG 4\t0\t2026-12-07 08:59:10\t0\t0\t0\t0\n' +
  'OPLOG 30\t0\t2026-12-07 09:00:02\t1010\t0\t0\t0\n' +
  'USER PIN=1010\tName=\tPri=0\tPasswd=\tCard=\tGrp=1\tTZ=0000000000000000\tVerify=0\tViceCard=\n';

/** POST /iclock/devicecmd?… with DEVICECMD_BODY. */
export const DEVICECMD_QUERY = `SN=${RECORDED_SERIAL}`;

/** Two results: command 12 done, command 13 refused with -10 (no such user on the terminal, §15.1). */
export const DEVICECMD_BODY = 'ID=12&Return=0&CMD=DATA\nID=13&Return=-10&CMD=DATA\n';
