export {
  NAVIGATION,
  Term,
  hubErrorPageRenderer,
  renderHubPage,
  sendHubPage,
  type HubPageProps,
} from './site-chrome.tsx';
