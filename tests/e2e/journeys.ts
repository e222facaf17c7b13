import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, type Journey, type JourneyContext, shot, totpFor } from './support.js';

async function staffLogin(
  page: Page,
  ctx: JourneyContext,
  username: string,
  password: string,
  withTotp = false,
) {
  await page.goto(`${ctx.baseUrl}/dang-nhap`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  if (withTotp) {
    await page.getByLabel('Mã xác thực').fill(await totpFor(ctx, username));
    await page.getByRole('button', { name: 'Xác nhận' }).click();
  }
}

async function expectText(page: Page, text: string | RegExp) {
  await page.getByText(text).first().waitFor({ state: 'visible' });
}

const NEW_OFFICER = {
  username: 'hotich.vocuong',
  name: 'Ngô Thị Bích Ngọc',
  initial: 'Khoi-tao-Vo-Cuong-1',
  next: 'Mat-khau-Vo-Cuong-2026',
};

export const journeys: Journey[] = [
  {
    name: 'administrator creates a commune officer, who then sees only their commune',
    async run(page, ctx) {
      // 1. The province administrator signs in with password and TOTP.
      await staffLogin(page, ctx, 'quantri.bacninh', DEMO_PASSWORD, true);
      await page.waitForURL(/\/quan-tri/);
      await expectText(page, 'Xin chào, Trần Văn Quản');

      // 2. Creates a civil-status officer for Phường Võ Cường.
      await page.goto(`${ctx.baseUrl}/quan-tri/nguoi-dung`);
      await page.getByRole('button', { name: 'Thêm người dùng' }).click();
      const drawer = page.getByRole('dialog');
      await drawer.getByLabel('Tên đăng nhập').fill(NEW_OFFICER.username);
      await drawer.getByLabel('Họ và tên').fill(NEW_OFFICER.name);
      await drawer.getByLabel('Mật khẩu ban đầu').fill(NEW_OFFICER.initial);
      await drawer.getByLabel('Vai trò').click();
      await page
        .locator('.ant-select-item-option')
        .filter({ hasText: 'Công chức tư pháp - hộ tịch' })
        .click();
      await drawer.getByLabel('Đơn vị').click();
      await page
        .locator('.ant-select-tree-treenode')
        .filter({ hasText: 'Bắc Ninh' })
        .locator('.ant-select-tree-switcher')
        .click();
      await page.locator('.ant-select-tree-treenode').filter({ hasText: 'Phường Bắc Giang' }).waitFor();
      await drawer.getByLabel('Đơn vị').fill('vo cuong'); // the list is long: filter it, without diacritics
      await page
        .locator('.ant-select-tree-node-content-wrapper')
        .filter({ hasText: 'Phường Võ Cường' })
        .click();
      await shot(page, ctx, '01-create-officer');
      await drawer.getByRole('button', { name: 'Tạo mới' }).click();
      await expectText(page, `Đã tạo người dùng ${NEW_OFFICER.name}`);
      await page.getByRole('cell', { name: NEW_OFFICER.username }).waitFor();

      // 3. Signs out; the new officer signs in and must change the initial password first.
      await page.context().clearCookies();
      await staffLogin(page, ctx, NEW_OFFICER.username, NEW_OFFICER.initial);
      await expectText(page, 'Bạn cần đổi mật khẩu trước khi tiếp tục sử dụng hệ thống.');
      await page.getByLabel('Mật khẩu hiện tại').fill(NEW_OFFICER.initial);
      await page.getByLabel('Mật khẩu mới', { exact: true }).fill(NEW_OFFICER.next);
      await page.getByLabel('Nhập lại mật khẩu mới').fill(NEW_OFFICER.next);
      await page.getByRole('button', { name: 'Lưu' }).click();
      await expectText(page, 'Đã đổi mật khẩu');

      // 4. The officer works in Phường Võ Cường and sees only that commune.
      await page.goto(`${ctx.baseUrl}/quan-tri`);
      await expectText(page, 'Bạn đang làm việc tại Phường Võ Cường.');
      await page.goto(`${ctx.baseUrl}/quan-tri/don-vi`);
      await page.locator('.ant-tree-treenode').filter({ hasText: 'Võ Cường' }).first().waitFor();
      await shot(page, ctx, '02-officer-units');
      const tree = await page.locator('.ant-tree-treenode').allInnerTexts();
      if (tree.some((t) => /Bắc Ninh|Kinh Bắc|Tiên Du/.test(t)))
        throw new Error(`officer sees units outside the commune: ${tree.join(' | ')}`);
      // No user administration for a commune officer, in the menu or by URL.
      if (await page.getByRole('menuitem', { name: 'Người dùng' }).count())
        throw new Error('officer sees the users menu');
      await page.goto(`${ctx.baseUrl}/quan-tri/nguoi-dung`);
      await expectText(page, 'Không có quyền truy cập');
    },
  },
  {
    name: 'anyone verifies the demo certificate by its code, on a phone',
    viewport: { width: 390, height: 844 },
    async run(page, ctx) {
      const demo = JSON.parse(fs.readFileSync(path.join(ctx.dataDir, 'demo-document.json'), 'utf8')) as {
        code: string;
      };
      await page.goto(ctx.baseUrl);
      await page.getByLabel('Mã xác minh').fill(demo.code.toLowerCase());
      await page.getByRole('button', { name: 'Xác minh', exact: true }).click();
      await expectText(page, 'Giấy tờ hợp lệ');
      await expectText(page, 'Phường Kinh Bắc');
      await expectText(page, 'N*** T*** H*** N*** Ý***');
      await shot(page, ctx, '03-verify-phone');
      await page.goto(`${ctx.baseUrl}/xac-minh/ZZZZZZZZZZZZ`);
      await expectText(page, 'Không tìm thấy giấy tờ');
    },
  },
  {
    name: 'a citizen signs in with the VNeID-shaped identity provider and sees their personal ID',
    async run(page, ctx) {
      await page.goto(ctx.baseUrl);
      await page.getByText('Đăng nhập công dân (VNeID)').first().click();
      await expectText(page, 'Đăng nhập bằng định danh điện tử');
      await page.locator('label.choice').filter({ hasText: 'TRẦN THỊ BÌNH' }).click();
      await page.getByRole('button', { name: 'Tiếp tục / Continue' }).click();
      const allow = page.getByRole('button', { name: 'Đồng ý / Allow' });
      await allow.waitFor();
      await allow.click();
      await page.waitForURL(/\/cong-dan/);
      await expectText(page, /TRẦN THỊ BÌNH/);
      await expectText(page, '001 185 004 567');
      await shot(page, ctx, '05-citizen-home');
    },
  },
  {
    name: 'the portal switches between Vietnamese and English',
    async run(page, ctx) {
      await page.goto(ctx.baseUrl);
      await expectText(page, 'Dịch vụ tư pháp trực tuyến');
      await page.getByText('English', { exact: true }).click();
      await expectText(page, /Verify a document/i);
      await shot(page, ctx, '04-home-en');
      await page.reload();
      await expectText(page, /Verify a document/i);
    },
  },
];
