import { Modal, type FormInstance, type ModalProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type FormModalProps = Omit<ModalProps, 'onOk' | 'onCancel' | 'confirmLoading' | 'destroyOnHidden'> & {
  form: FormInstance;
  onClose: () => void;
  /** The mutation is running: the OK button spins. */
  saving: boolean;
  children: ReactNode;
};

/**
 * The frame of every form dialog: OK submits the form (so its rules run before onFinish), the
 * texts are Save/Cancel unless given, and the content is destroyed on close so each opening starts
 * afresh from the form's initialValues. Other Modal props (title, width, okText…) pass on.
 */
export function FormModal({ form, onClose, saving, children, ...modal }: FormModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      {...modal}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={saving}
      destroyOnHidden
    >
      {children}
    </Modal>
  );
}
