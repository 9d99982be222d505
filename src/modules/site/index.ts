export { NAVIGATION, Term, hubErrorPageRenderer, renderHubPage, type HubPageProps } from './site-chrome.tsx';
