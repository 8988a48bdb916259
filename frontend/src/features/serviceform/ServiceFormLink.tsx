import { PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

/** The link from a ticket page (staff and customer) to its printable service form. */
export function ServiceFormLink({ ticketId }: { ticketId: string | number }) {
  const { t } = useTranslation();
  return (
    <Link to={`/tickets/${ticketId}/service-form`} data-testid="service-form-link">
      <PrinterOutlined /> {t('serviceForm.title')}
    </Link>
  );
}
