export {
  NAVIGATION,
  Term,
  hubErrorPageRenderer,
  renderHubPage,
  sendHubPage,
  sendTitledPage,
  type TitledPageOptions,
  type HubPageProps,
} from './site-chrome.tsx';
