/**
 * The sandbox simulators this process runs (config.SERVICE `all` or one `*-sim`): separate servers
 * speaking each upstream's protocol, on their configured ports (0 in tests). Returns what tests drive
 * and the URLs they listen on; the hub's clients use those URLs instead of the configured ones.
 */
import { createBusinessRegistrySimulator } from '../../adapters/business-registry';
import { createInsuranceDbSimulator } from '../../adapters/insurance-db';
import { createMailServerSimulator, createSmsGatewaySimulator } from '../../adapters/notification';
import { createPaymentProviderSimulator } from '../../adapters/payment-provider';
import { createPopulationDbSimulator } from '../../adapters/population-db';
import { createPostalSimulator } from '../../adapters/postal';
import { createNationalPortalSimulator } from '../../adapters/national-portal';
import { createLegacyOneStopSimulator } from '../../adapters/legacy-one-stop';
import type { Config } from '../../subgraphs/shared/config';

export interface HubSimulators {
  population?: ReturnType<typeof createPopulationDbSimulator>;
  insurance?: ReturnType<typeof createInsuranceDbSimulator>;
  businessRegistry?: ReturnType<typeof createBusinessRegistrySimulator>;
  paymentProvider?: ReturnType<typeof createPaymentProviderSimulator>;
  postal?: ReturnType<typeof createPostalSimulator>;
  sms?: ReturnType<typeof createSmsGatewaySimulator>;
  mail?: ReturnType<typeof createMailServerSimulator>;
  nationalPortal?: ReturnType<typeof createNationalPortalSimulator>;
  legacyOneStop?: ReturnType<typeof createLegacyOneStopSimulator>;
}

export interface SimulatorUrls {
  populationWsdl?: string;
  insuranceDb?: string;
  businessRegistryWsdl?: string;
  paymentProvider?: string;
  postal?: string;
  smsGateway?: string;
  smtp?: string;
  nationalPortal?: string;
  legacyOneStop?: string;
}

const runs = (config: Config, part: Config['SERVICE']) => config.SERVICE === 'all' || config.SERVICE === part;

/** Starts the simulators; each one started is stopped by the function pushed onto `stops`. */
export async function startSimulators(
  config: Config,
  stops: Array<() => Promise<void>>,
): Promise<{ simulators: HubSimulators; urls: SimulatorUrls }> {
  const host = config.HOST;
  const simulators: HubSimulators = {};
  const urls: SimulatorUrls = {};
  const started = async <S extends { start(): Promise<unknown>; stop(): Promise<void> }>(sim: S): Promise<Awaited<ReturnType<S['start']>>> => {
    const running = (await sim.start()) as Awaited<ReturnType<S['start']>>;
    stops.push(() => sim.stop());
    return running;
  };
  if (runs(config, 'population-sim')) {
    simulators.population = createPopulationDbSimulator({ port: config.POPULATION_SIM_PORT, host });
    urls.populationWsdl = (await started(simulators.population)).wsdlUrl;
  }
  if (runs(config, 'insurance-sim')) {
    simulators.insurance = createInsuranceDbSimulator({ port: config.INSURANCE_SIM_PORT, host });
    urls.insuranceDb = (await started(simulators.insurance)).baseUrl;
  }
  if (runs(config, 'business-sim')) {
    simulators.businessRegistry = createBusinessRegistrySimulator({ port: config.BUSINESS_SIM_PORT, host });
    urls.businessRegistryWsdl = (await started(simulators.businessRegistry)).wsdlUrl;
  }
  if (runs(config, 'payment-sim')) {
    simulators.paymentProvider = createPaymentProviderSimulator({
      port: config.PAYMENT_SIM_PORT,
      host,
      merchantCode: config.PAYMENT_MERCHANT_CODE,
      secret: config.PAYMENT_SECRET,
    });
    urls.paymentProvider = (await started(simulators.paymentProvider)).baseUrl;
  }
  if (runs(config, 'postal-sim')) {
    simulators.postal = createPostalSimulator({ port: config.POSTAL_SIM_PORT, host, apiKey: config.POSTAL_API_KEY });
    urls.postal = (await started(simulators.postal)).baseUrl;
  }
  if (runs(config, 'sms-sim')) {
    simulators.sms = createSmsGatewaySimulator({ port: config.SMS_SIM_PORT, host, apiKey: config.SMS_API_KEY, brandnames: [config.SMS_BRANDNAME] });
    urls.smsGateway = (await started(simulators.sms)).baseUrl;
  }
  if (runs(config, 'smtp-sim')) {
    simulators.mail = createMailServerSimulator({ port: config.SMTP_SIM_PORT, host });
    urls.smtp = (await started(simulators.mail)).url;
  }
  if (runs(config, 'portal-sim')) {
    simulators.nationalPortal = createNationalPortalSimulator({ port: config.PORTAL_SIM_PORT, host, token: config.NATIONAL_PORTAL_TOKEN });
    urls.nationalPortal = (await started(simulators.nationalPortal)).baseUrl;
  }
  if (runs(config, 'legacy-sim')) {
    simulators.legacyOneStop = createLegacyOneStopSimulator({ port: config.LEGACY_SIM_PORT, host, apiKey: config.LEGACY_ONE_STOP_API_KEY });
    urls.legacyOneStop = (await started(simulators.legacyOneStop)).baseUrl;
  }
  return { simulators, urls };
}
