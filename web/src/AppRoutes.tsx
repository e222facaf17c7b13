import { Suspense } from 'react';
import { Route, Routes } from 'react-router-dom';
import { PageLoading } from './components/PageLoading.js';
import { NotFoundPage, UnderConstructionPage } from './components/StatusPages.js';
import { lazyPage } from './lazyPage.js';
import { PublicLayout } from './areas/public/PublicLayout.js';

const HomePage = lazyPage(() => import('./areas/public/HomePage.js'), 'HomePage');
const VerifyPage = lazyPage(() => import('./areas/public/VerifyPage.js'), 'VerifyPage');
const StaffLoginPage = lazyPage(() => import('./areas/auth/StaffLoginPage.js'), 'StaffLoginPage');
const CitizenHomePage = lazyPage(() => import('./areas/citizen/CitizenHomePage.js'), 'CitizenHomePage');
const BackOfficeArea = lazyPage(() => import('./areas/back-office/BackOfficeArea.js'), 'BackOfficeArea');

/** Route table. Paths are Vietnamese, as users see them. */
export function AppRoutes() {
  return (
    <Suspense fallback={<PageLoading />}>
      <Routes>
        <Route element={<PublicLayout />}>
          <Route index element={<HomePage />} />
          <Route path="van-ban" element={<UnderConstructionPage />} />
          <Route path="dich-vu" element={<UnderConstructionPage />} />
          <Route path="tra-cuu-ho-so" element={<UnderConstructionPage />} />
          <Route path="xac-minh" element={<VerifyPage />} />
          <Route path="xac-minh/:code" element={<VerifyPage />} />
          <Route path="dang-nhap" element={<StaffLoginPage />} />
          <Route path="cong-dan" element={<CitizenHomePage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
        <Route path="quan-tri/*" element={<BackOfficeArea />} />
      </Routes>
    </Suspense>
  );
}
