import { Route, Routes } from 'react-router';
import { Shell } from './layout/shell.tsx';
import { HomeRoute } from './routes/home-route.tsx';
import { ArticleRoute, CategoryRoute, NotFoundRoute, SearchRoute } from './lazy-routes.ts';

/** Every URL the reader answers. Declarative routes: the data router is a much larger download (docs/decisions). */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Shell />}>
        <Route index element={<HomeRoute />} />
        <Route path="search" element={<SearchRoute />} />
        <Route path="articles/:id/:slug?" element={<ArticleRoute />} />
        <Route path="category/:slug" element={<CategoryRoute />} />
        <Route path="*" element={<NotFoundRoute />} />
      </Route>
    </Routes>
  );
}
