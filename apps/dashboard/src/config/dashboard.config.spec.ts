import { loadDashboardConfig } from './dashboard.config';

const required = { METRICS_TOKEN: 'metrics-token-0123456789' };

describe('dashboard configuration', () => {
  it('follows core’s groups: the customer side’s is named after the main one unless set', () => {
    expect(loadDashboardConfig(required).lag).toMatchObject({
      coreGroup: 'core',
      customerSideGroup: 'core-customer-side',
    });
    expect(
      loadDashboardConfig({ ...required, DASHBOARD_CORE_CONSUMER_GROUP: 'core-eu' }).lag,
    ).toMatchObject({ coreGroup: 'core-eu', customerSideGroup: 'core-eu-customer-side' });
    expect(
      loadDashboardConfig({
        ...required,
        DASHBOARD_CORE_CONSUMER_GROUP: 'core-eu',
        DASHBOARD_CORE_CUSTOMER_SIDE_GROUP: 'notify',
      }).lag.customerSideGroup,
    ).toBe('notify');
  });
});
