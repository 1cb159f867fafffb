import { BackupPanel } from '@/utils/backup/ui/BackupPanel';
import { SyncPanel } from '@/utils/sync/ui/SyncPanel';
import { CsvExport } from '@/utils/orders/ui/CsvExport';
import { PayoutsPanel } from '@/utils/payouts/ui/PayoutsPanel';
import { useStatementImport } from '@/utils/payouts/ui/StatementImport';
import { Dashboard } from '@/utils/orders/ui/Dashboard';
import { OrderManager } from '@/utils/orders/ui/OrderManager';
import { SettingsForm } from '@/components/SettingsForm';
import { FirstRun } from '@/components/FirstRun';
import { OptionalSites } from '@/components/OptionalSites';
import { TemplateManager } from '@/utils/templates/ui/TemplateManager';
import { useT } from '@/components/i18n';

export function App() {
  const tr = useT();
  const statement = useStatementImport();
  return (
    <div className="page">
      <header className="page-header">
        <h1>{tr.t('app.name')}</h1>
        <p className="muted">{tr.t('options.tagline')}</p>
      </header>
      <main>
        <FirstRun />
        <Dashboard full />
        <PayoutsPanel />
        <TemplateManager />
        <OrderManager />
        <CsvExport />
        <SettingsForm />
        <OptionalSites />
        <SyncPanel />
        <BackupPanel beside={statement.control} below={statement.panel} />
      </main>
    </div>
  );
}
