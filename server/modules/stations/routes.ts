import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  alarmActionSchema,
  alarmListQuerySchema,
  alarmPageSchema,
  alarmParamsSchema,
  alarmSchema,
  stationLiveSchema,
  deviceCreatedSchema,
  faceUploadSchema,
  deviceInputSchema,
  deviceListSchema,
  nearbyAnswerSchema,
  nearbyQuerySchema,
  publicStationSchema,
  qrFormatQuerySchema,
  registrationSchema,
  stationCodeParamsSchema,
  stationCodeRequestSchema,
  stationCodeSentSchema,
  stationInputSchema,
  stationPageSchema,
  stationSchema,
  stationUpdateSchema,
  stationSearchAnswerSchema,
  stationSearchQuerySchema,
  visitListQuerySchema,
  visitPageSchema,
  workerPassSchema,
  workerSignInSchema,
} from '../../../contracts/stations/api.js';
import { sendAttachment } from '../../core/attachment.js';
import type { Deps } from '../../core/deps.js';
import { asZod, errorResponses } from '../../core/http.js';
import { perInstanceBrake } from '../limits/requests.js';
import { boardRoutes } from './board/routes.js';
import { coverageRoutes } from './coverage/routes.js';
import { dashboardRoutes } from './dashboard/routes.js';
import { suppliesRoutes } from './supplies/routes.js';
import * as devices from './door/devices.js';
import * as alarms from './telemetry/alarms-service.js';
import * as rules from './telemetry/rules-service.js';
import {
  alarmRuleChangeSchema,
  alarmRuleInputSchema,
  alarmRuleListQuerySchema,
  alarmRuleListSchema,
  alarmRuleSchema,
} from '../../../contracts/stations/rules.js';
import { streamStationLive } from './telemetry/live-events.js';
import { alarmRuleParamsSchema, stationListQuerySchema } from './schemas.js';
import * as service from './service.js';
import * as workers from './workers/service.js';
import * as face from './workers/face.js';

/** The session token a verified code gave the worker's phone (other headers pass untouched). */
const stationTokenHeaders = z.looseObject({ 'x-station-token': z.string().max(512).optional() });

export async function stationRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = asZod(fastify);
  const tags = ['stations'];
  app.get(
    '/api/stations',
    {
      schema: {
        tags,
        summary: '驿站列表 Stations of the region',
        querystring: stationListQuerySchema,
        response: { 200: stationPageSchema, ...errorResponses },
      },
    },
    async (request) => service.listStations(deps, request.ctx, request.query),
  );
  app.post(
    '/api/stations',
    {
      schema: {
        tags,
        summary: '新建驿站 Create a station',
        body: stationInputSchema,
        response: { 200: stationSchema, ...errorResponses },
      },
    },
    async (request) => service.createStation(deps, request.ctx, request.body),
  );
  app.get(
    '/api/stations/alarm-rules',
    {
      schema: {
        tags,
        summary: '告警规则 Threshold alarm rules of the region',
        querystring: alarmRuleListQuerySchema,
        response: { 200: alarmRuleListSchema, ...errorResponses },
      },
    },
    async (request) => rules.listAlarmRules(deps, request.ctx, request.query),
  );
  app.post(
    '/api/stations/alarm-rules',
    {
      schema: {
        tags,
        summary: '新建告警规则（站点或地区） Create a threshold rule for a station or a region',
        body: alarmRuleInputSchema,
        response: { 200: alarmRuleSchema, ...errorResponses },
      },
    },
    async (request) => rules.createAlarmRule(deps, request.ctx, request.body),
  );
  app.put(
    '/api/stations/alarm-rules/:id',
    {
      schema: {
        tags,
        summary: '修改、停用或启用告警规则（按读取时的版本） Change, disable or enable a rule at the version read',
        params: alarmRuleParamsSchema,
        body: alarmRuleChangeSchema,
        response: { 200: alarmRuleSchema, ...errorResponses },
      },
    },
    async (request) => rules.changeAlarmRule(deps, request.ctx, request.params.id, request.body),
  );
  app.get(
    '/api/stations/:code',
    {
      schema: {
        tags,
        summary: '驿站 A station with today’s figures',
        params: stationCodeParamsSchema,
        response: { 200: stationSchema, ...errorResponses },
      },
    },
    async (request) => service.getStation(deps, request.ctx, request.params.code),
  );
  app.put(
    '/api/stations/:code',
    {
      schema: {
        tags,
        summary: '修改驿站（按读取时的版本） Change a station at the version read',
        params: stationCodeParamsSchema,
        body: stationUpdateSchema,
        response: { 200: stationSchema, ...errorResponses },
      },
    },
    async (request) => service.updateStation(deps, request.ctx, request.params.code, request.body),
  );
  app.get(
    '/api/stations/:code/qr',
    {
      schema: {
        tags,
        summary: '驿站二维码（SVG 或 PNG，下方印站名） The station’s printable QR (SVG or PNG)',
        params: stationCodeParamsSchema,
        querystring: qrFormatQuerySchema,
        response: errorResponses,
      },
    },
    async (request, reply) =>
      sendAttachment(reply, await service.stationQr(deps, request.ctx, request.params.code, request.query.format)),
  );
  app.get(
    '/api/stations/:code/alarm-rules',
    {
      schema: {
        tags,
        summary: '适用于驿站的告警规则（本站及所在地区） The rules that apply to a station: its own and its regions’',
        params: stationCodeParamsSchema,
        response: { 200: alarmRuleListSchema, ...errorResponses },
      },
    },
    async (request) => rules.stationAlarmRules(deps, request.ctx, request.params.code),
  );
  app.get(
    '/api/stations/:code/devices',
    {
      schema: {
        tags,
        summary: '驿站门禁设备 The station’s door terminals',
        params: stationCodeParamsSchema,
        response: { 200: deviceListSchema, ...errorResponses },
      },
    },
    async (request) => devices.listDevices(deps, request.ctx, request.params.code),
  );
  app.post(
    '/api/stations/:code/devices',
    {
      schema: {
        tags,
        summary: '登记门禁设备（密钥仅此一次显示） Register a door terminal; its secret is shown once',
        params: stationCodeParamsSchema,
        body: deviceInputSchema,
        response: { 200: deviceCreatedSchema, ...errorResponses },
      },
    },
    async (request) => devices.addDevice(deps, request.ctx, request.params.code, request.body),
  );
  app.get(
    '/api/stations/:code/visits',
    {
      schema: {
        tags,
        summary: '驿站到访记录 Visits at the station, newest first',
        params: stationCodeParamsSchema,
        querystring: visitListQuerySchema,
        response: { 200: visitPageSchema, ...errorResponses },
      },
    },
    async (request) => devices.listVisits(deps, request.ctx, request.params.code, request.query),
  );
  telemetryRoutes(app, deps);
  dashboardRoutes(app, deps);
  coverageRoutes(app, deps);
  suppliesRoutes(app, deps);
  boardRoutes(app, deps);
  publicStationRoutes(app, deps);
}

/** The station now (live figures, open alarms) and what staff do with alarms. */
function telemetryRoutes(app: ReturnType<typeof asZod>, deps: Deps) {
  const tags = ['stations (live)'];
  app.get(
    '/api/stations/:code/live',
    {
      schema: {
        tags,
        summary: '驿站实时状态与未解除告警 The station now, with its open alarms',
        params: stationCodeParamsSchema,
        response: { 200: stationLiveSchema, ...errorResponses },
      },
    },
    async (request) => alarms.stationLive(deps, request.ctx, request.params.code),
  );
  app.get(
    '/api/stations/:code/live/events',
    {
      schema: {
        tags,
        summary: '驿站实时状态（服务器推送事件） The station now, as server-sent events',
        params: stationCodeParamsSchema,
        response: { ...errorResponses },
      },
    },
    async (request, reply) => streamStationLive(deps, request.ctx, request.params.code, reply),
  );
  app.get(
    '/api/stations/:code/alarms',
    {
      schema: {
        tags,
        summary: '驿站告警（未解除或历史） The station’s alarms, open or past',
        params: stationCodeParamsSchema,
        querystring: alarmListQuerySchema,
        response: { 200: alarmPageSchema, ...errorResponses },
      },
    },
    async (request) => alarms.listAlarms(deps, request.ctx, request.params.code, request.query),
  );
  app.post(
    '/api/stations/:code/alarms/:id/acknowledge',
    {
      schema: {
        tags,
        summary: '确认告警 Acknowledge an alarm',
        params: alarmParamsSchema,
        body: alarmActionSchema,
        response: { 200: alarmSchema, ...errorResponses },
      },
    },
    async (request) =>
      alarms.acknowledgeAlarm(deps, request.ctx, request.params.code, request.params.id, request.body.note),
  );
  app.post(
    '/api/stations/:code/alarms/:id/clear',
    {
      schema: {
        tags,
        summary: '解除告警 Clear an alarm',
        params: alarmParamsSchema,
        body: alarmActionSchema,
        response: { 200: alarmSchema, ...errorResponses },
      },
    },
    async (request) => alarms.clearAlarm(deps, request.ctx, request.params.code, request.params.id, request.body.note),
  );
}

/** No login: the finder, a station's page, and a worker's registration and pass. */
function publicStationRoutes(app: ReturnType<typeof asZod>, deps: Deps) {
  const tags = ['stations (public)'];
  app.get(
    '/api/public/stations/nearby',
    {
      schema: {
        tags,
        summary: '附近的驿站（GCJ-02 坐标，按距离） Nearest stations by distance (GCJ-02)',
        querystring: nearbyQuerySchema,
        response: { 200: nearbyAnswerSchema, ...errorResponses },
      },
      config: perInstanceBrake(120),
    },
    async (request) => service.nearbyStations(deps, request.query),
  );
  app.get(
    '/api/public/stations/search',
    {
      schema: {
        tags,
        summary: '按地名查找驿站（区、街道、社区或站名） Stations by a typed place',
        querystring: stationSearchQuerySchema,
        response: { 200: stationSearchAnswerSchema, ...errorResponses },
      },
      config: perInstanceBrake(120),
    },
    async (request) => service.searchStations(deps, request.query),
  );
  app.post(
    '/api/public/stations/request-code',
    {
      schema: {
        tags,
        summary: '获取驿站登记验证码 Request a code by SMS',
        body: stationCodeRequestSchema,
        response: { 200: stationCodeSentSchema, ...errorResponses },
      },
      config: perInstanceBrake(30),
    },
    async (request) => workers.requestWorkerCode(deps, request.ctx, request.body),
  );
  app.post(
    '/api/public/stations/sign-in',
    {
      schema: {
        tags,
        summary: '已登记的劳动者用验证码打开通行码 A registered worker opens the pass with a code',
        body: workerSignInSchema,
        response: { 200: workerPassSchema, ...errorResponses },
      },
      config: perInstanceBrake(30),
    },
    async (request) => workers.signInWorker(deps, request.ctx, request.body),
  );
  app.get(
    '/api/public/stations/me',
    {
      schema: {
        tags,
        summary: '本人的通行码与到访（X-Station-Token） The worker’s own pass and visits',
        headers: stationTokenHeaders,
        response: { 200: workerPassSchema, ...errorResponses },
      },
      config: perInstanceBrake(60),
    },
    async (request) => workers.ownPass(deps, request.headers['x-station-token']),
  );
  app.put(
    '/api/public/stations/me/face',
    {
      schema: {
        tags,
        summary: '上传刷脸照片（须明确同意；下发至门禁） Add a face photo for the door terminals, with consent',
        headers: stationTokenHeaders,
        body: faceUploadSchema,
        response: { 200: workerPassSchema, ...errorResponses },
      },
      config: perInstanceBrake(10),
    },
    async (request) => face.setFacePhoto(deps, request.ctx, request.headers['x-station-token'], request.body),
  );
  app.delete(
    '/api/public/stations/me/face',
    {
      schema: {
        tags,
        summary: '删除刷脸照片（并从门禁删除） Delete the face photo, here and on the terminals',
        headers: stationTokenHeaders,
        response: { 200: workerPassSchema, ...errorResponses },
      },
      config: perInstanceBrake(10),
    },
    async (request) => face.deleteFacePhoto(deps, request.ctx, request.headers['x-station-token']),
  );
  app.get(
    '/api/public/stations/:code',
    {
      schema: {
        tags,
        summary: '驿站页（扫码打开） The station’s page, opened from its QR',
        params: stationCodeParamsSchema,
        response: { 200: publicStationSchema, ...errorResponses },
      },
      config: perInstanceBrake(120),
    },
    async (request) => service.publicStation(deps, request.params.code),
  );
  app.post(
    '/api/public/stations/:code/register',
    {
      schema: {
        tags,
        summary: '在驿站扫码登记 Register at the station from its QR',
        params: stationCodeParamsSchema,
        body: registrationSchema,
        response: { 200: workerPassSchema, ...errorResponses },
      },
      config: perInstanceBrake(30),
    },
    async (request) => workers.registerWorker(deps, request.ctx, request.params.code, request.body),
  );
}
